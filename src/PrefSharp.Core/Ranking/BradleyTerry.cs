using PrefSharp.Core.Data;
using PrefSharp.Core.Ranking.Optimization;

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

    /// <summary>
    /// Log-strengths of indexed battles (one per item of <see cref="IndexedBattles.Items"/>, centred), each battle's
    /// weight multiplied by its <paramref name="rowWeights"/> entry (mixture responsibilities) when given; a Gaussian
    /// prior of precision <paramref name="priorPrecision"/> (an L2 penalty ½λ‖β‖²) keeps items that only win finite.
    /// Battles of zero weight or of an item against itself are left out; an item without battles gets 0.
    /// <paramref name="initial"/> warm-starts Newton (the previous EM iteration's ratings). Returns the ratings and
    /// the weighted log-likelihood without the prior.
    /// </summary>
    public static (double[] Ratings, double LogLikelihood) FitIndexed(IndexedBattles battles, double priorPrecision = 1e-6, double[]? rowWeights = null, double[]? initial = null)
    {
        var builder = new PairwiseCountsBuilder(new ItemIndex(battles.Items));
        for (int k = 0; k < battles.Count; k++)
        {
            int a = battles.ItemA[k], b = battles.ItemB[k];
            double weight = battles.Weight[k] * (rowWeights?[k] ?? 1.0), score = battles.ScoreA[k];
            if (weight > 0 && a != b)
                builder.Add(a, b, score > 0.5 ? BattleOutcome.A : score < 0.5 ? BattleOutcome.B : BattleOutcome.Tie, score, weight);
        }
        if (builder.Count == 0) return (new double[battles.Items.Count], 0);
        var counts = builder.Build();
        var warm = initial is null ? null : new StrengthFit("bt", counts.Items, initial, double.NaN, double.NaN, 0, false);
        var options = new StrengthFitOptions { PriorPrecision = priorPrecision, AnchorEachComponent = true };
        var strengths = PairwiseNewtonSolver.Fit(counts, new BradleyTerryLikelihood(), options, warm).Strengths;
        return (strengths, PairwiseNewtonSolver.LogLikelihood(counts, new BradleyTerryLikelihood(), strengths, 0));
    }

    /// <summary>P(i ≻ j) = σ(β_i − β_j) for natural-scale log-strengths.</summary>
    public static double WinProbability(double strengthI, double strengthJ) => LogisticFunctions.Sigmoid(strengthI - strengthJ);
}
