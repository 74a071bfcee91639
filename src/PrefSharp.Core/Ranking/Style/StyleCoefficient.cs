namespace PrefSharp.Core.Ranking.Style;

/// <summary>
/// A style feature's coefficient γ: the change in log-odds that A wins per one standard deviation of the normalised
/// style difference; Mean and StandardDeviation are those of the normalised difference before z-scoring.
/// </summary>
public sealed record StyleCoefficient(string Feature, double Coefficient, double Mean, double StandardDeviation);
