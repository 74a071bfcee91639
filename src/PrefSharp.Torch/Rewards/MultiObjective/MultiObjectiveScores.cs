namespace PrefSharp.Torch.Rewards.MultiObjective;

/// <summary>What <see cref="MultiObjectiveScorer"/> computed for N sequences: the k objective rewards and one scalar each.</summary>
/// <param name="Objectives">N rows of k raw objective rewards.</param>
/// <param name="Scores">N scalar rewards: a direction's projection, or the gated reward.</param>
public sealed record MultiObjectiveScores(double[][] Objectives, double[] Scores);
