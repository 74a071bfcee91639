namespace PrefSharp.Server.Batching;

/// <summary>What rows of one batch must share: the sampling distribution and, when given, the seed.</summary>
/// <param name="Seed">Null: any seed; a job with a seed is decoded alone, so its text is what <c>prefsharp generate --seed</c> gives.</param>
public sealed record SamplingSettings(double Temperature, double TopP, long? Seed);
