using PrefSharp.Core.Data;

namespace PrefSharp.Core.Ranking;

/// <summary>
/// Bradley–Terry maximum likelihood (Bradley &amp; Terry 1952; Hunter 2004, Eq. 1: P(i ≻ j) = π_i/(π_i + π_j)) on weighted outcomes,
/// by Newton's method with the exact Hessian to 1e-10 relative. Ties count as half wins (Chatbot Arena) or are
/// modelled by Rao–Kupper (1967) or Davidson (1970) with the tie parameter estimated. Optional Gaussian prior
/// (L2 penalty) through <see cref="StrengthFitOptions.PriorPrecision"/>. Strengths are natural logits, centred.
/// </summary>
public static class BradleyTerry
{
    /// <summary>Fits aggregated counts; <paramref name="warmStart"/> speeds up refits (bootstrap).</summary>
    public static StrengthFit Fit(PairwiseCounts counts, TieModel ties = TieModel.HalfWin,
        StrengthFitOptions? options = null, StrengthFit? warmStart = null) => ties switch
    {
        TieModel.HalfWin => PairwiseNewtonSolver.Fit(counts, new BradleyTerryLikelihood(), options, warmStart),
        TieModel.RaoKupper => PairwiseNewtonSolver.Fit(counts, new RaoKupperLikelihood(), options, warmStart),
        TieModel.Davidson => PairwiseNewtonSolver.Fit(counts, new DavidsonLikelihood(), options, warmStart),
        _ => throw new ArgumentOutOfRangeException(nameof(ties), ties, "Unknown tie model."),
    };

    /// <summary>Aggregates the battles, then fits.</summary>
    public static StrengthFit Fit(IEnumerable<Battle> battles, TieModel ties = TieModel.HalfWin, StrengthFitOptions? options = null) =>
        Fit(PairwiseCounts.FromBattles(battles), ties, options);

    /// <summary>P(i ≻ j) = σ(β_i − β_j) for natural-scale log-strengths.</summary>
    public static double WinProbability(double strengthI, double strengthJ) => LogisticFunctions.Sigmoid(strengthI - strengthJ);
}
