namespace PrefSharp.Core.Judging;

/// <summary>A pointwise score and the judge's raw text.</summary>
public sealed record PointwiseJudgement(double Score, string Raw);
