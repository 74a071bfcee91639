namespace PrefSharp.Core.Ranking;

/// <summary>The minimiser, the minimum, the iterations used and whether the gradient test was met.</summary>
public sealed record LbfgsResult(double[] X, double Value, int Iterations, bool Converged);
