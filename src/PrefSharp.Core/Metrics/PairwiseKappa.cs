namespace PrefSharp.Core.Metrics;

/// <summary>Cohen's κ between annotators <see cref="A"/> and <see cref="B"/> over the <see cref="Items"/> items both labelled; null when undefined.</summary>
public sealed record PairwiseKappa(string A, string B, double? Kappa, int Items);
