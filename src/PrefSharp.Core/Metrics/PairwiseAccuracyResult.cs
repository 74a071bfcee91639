namespace PrefSharp.Core.Metrics;

/// <summary>Overall pairwise accuracy and, when pairs carry a subset name, the accuracy of each subset (ordinal order).</summary>
public sealed record PairwiseAccuracyResult(double Accuracy, int Count, IReadOnlyDictionary<string, SubsetAccuracy> Subsets);
