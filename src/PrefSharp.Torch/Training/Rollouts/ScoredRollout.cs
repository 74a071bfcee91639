using PrefSharp.Torch.Rewards.Sources;
using PrefSharp.Torch.Training.Grpo;

namespace PrefSharp.Torch.Training.Rollouts;

/// <summary>
/// One sampled and scored rollout (<see cref="RolloutSampler.Next"/>): the step's prompts, the completions
/// (<see cref="Grpo.Rollout"/>, row b·G + g is sample g of prompt b), their decoded texts and scores, and the time and
/// tokens of generation (sampling plus the reference forward) and scoring.
/// </summary>
public sealed record ScoredRollout(IReadOnlyList<GrpoPrompt> Prompts, Rollout Rollout, string[] Texts, GroupScores Scores,
    double GenerationSeconds, double ScoringSeconds, long GeneratedTokens, long ScoredTokens);
