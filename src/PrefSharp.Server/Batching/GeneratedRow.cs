namespace PrefSharp.Server.Batching;

/// <summary>One decoded sequence: its token ids (the stop token included), their log-probabilities, and whether it stopped.</summary>
public sealed record GeneratedRow(IReadOnlyList<int> Ids, IReadOnlyList<float> LogProbs, bool Stopped);
