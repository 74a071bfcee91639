using PrefSharp.Core.Data;

namespace PrefSharp.Core.Ranking;

/// <summary>
/// Thurstone–Mosteller Case V (Thurstone 1927; Mosteller 1951): P(i ≻ j) = Φ(β_i − β_j), fitted by Newton's method
/// on the probit likelihood (<see cref="ThurstoneLikelihood"/>), ties as half wins. Strengths are in probit units
/// (one unit = one standard deviation of the latent difference), centred.
/// </summary>
public static class Thurstone
{
    public static StrengthFit Fit(PairwiseCounts counts, StrengthFitOptions? options = null, StrengthFit? warmStart = null) =>
        PairwiseNewtonSolver.Fit(counts, new ThurstoneLikelihood(), options, warmStart);

    public static StrengthFit Fit(IEnumerable<Battle> battles, StrengthFitOptions? options = null) =>
        Fit(PairwiseCounts.FromBattles(battles), options);

    /// <summary>P(i ≻ j) = Φ(β_i − β_j).</summary>
    public static double WinProbability(double strengthI, double strengthJ) => NormalDistribution.Cdf(strengthI - strengthJ);
}
