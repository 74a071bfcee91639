namespace PrefSharp.Core.Metrics;

/// <summary>Pairwise accuracy of one group of pairs: <paramref name="Accuracy"/> over <paramref name="Count"/> pairs.</summary>
public sealed record SubsetAccuracy(double Accuracy, int Count);
