namespace PrefSharp.Server.Batching;

/// <summary>How one job draws its tokens; jobs with any settings share the running batch.</summary>
/// <param name="Seed">
/// Null: the batcher's own random stream. Given: the job draws from its own generator seeded with it, so it gets the same
/// tokens whether it decodes alone or joins a running batch; with n = 1 they are what <c>prefsharp generate --seed</c> gives.
/// </param>
public sealed record SamplingSettings(double Temperature, double TopP, long? Seed);
