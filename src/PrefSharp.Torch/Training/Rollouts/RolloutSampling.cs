namespace PrefSharp.Torch.Training.Rollouts;

/// <summary>
/// How an online method samples its rollouts (<see cref="RolloutSampler"/>): G completions for each of B prompts per
/// step, the sampler's settings, and the seed whose value with the step number seeds each rollout.
/// </summary>
/// <param name="GroupSize">G, completions per prompt (≥ 1).</param>
/// <param name="PromptsPerStep">B, prompts per rollout step (≥ 1).</param>
/// <param name="MaxCompletionLength">Most tokens per completion (≥ 1).</param>
/// <param name="Temperature">Sampling temperature (&gt; 0).</param>
/// <param name="TopK">Top-k of sampling; 0 = off.</param>
/// <param name="TopP">Nucleus p of sampling; 1 = off.</param>
/// <param name="StopTokenIds">Token ids that end a completion besides the model's EOS.</param>
/// <param name="PadTokenId">Padding id of prompts and completions.</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="OutputDirectory">The run's output folder (named when the policy diverges while sampling).</param>
public sealed record RolloutSampling(int GroupSize, int PromptsPerStep, int MaxCompletionLength, double Temperature, int TopK,
    double TopP, IReadOnlyList<long> StopTokenIds, long PadTokenId, int Seed, string OutputDirectory);
