namespace PrefSharp.Core.Judging;

/// <summary>A pairwise verdict: <see cref="FirstWins"/> ∈ [0, 1] (1 first, 0 second, 0.5 tie) and the judge's raw text.</summary>
public sealed record PairwiseJudgement(double FirstWins, string Raw);
