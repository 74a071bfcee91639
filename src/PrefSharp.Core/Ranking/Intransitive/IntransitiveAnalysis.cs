using PrefSharp.Core.Data;

namespace PrefSharp.Core.Ranking.Intransitive;

/// <summary>
/// What <c>prefsharp rank --model gpm</c> reports: the general preference model against Bradley–Terry (the
/// log-likelihood it gains is the evidence of intransitivity), the strongest Condorcet 3-cycles of the empirical
/// preference matrix, and its maximal lottery (the minimax winner of SPO and DNO).
/// </summary>
/// <remarks>
/// Whether the gain is more than the extra parameters buy by chance is a likelihood-ratio test: 2·gain against the
/// χ² 95% quantile with df = 2kn − k(2k + 1) − (n − 1) (GPM's n embeddings in ℝ^{2k}, less the k(2k + 1)-dimensional
/// symplectic symmetry of the skew form, less Bradley–Terry's n − 1 ratings), the quantile by Wilson–Hilferty (1931).
/// The test is approximate (GPM nests BT only in the limit), a guide rather than a verdict.
/// </remarks>
public sealed record IntransitiveAnalysis(GeneralPreferenceFit Fit, IReadOnlyList<CondorcetCycle> Cycles, MaximalLotteryResult Lottery, int Battles)
{
    /// <summary>Degrees of freedom GPM adds over Bradley–Terry (at least 1).</summary>
    public int ExtraParameters
    {
        get
        {
            int n = Fit.Items.Count, k = Fit.Embeddings[0].Length / 2;
            return Math.Max(1, 2 * k * n - k * (2 * k + 1) - (n - 1));
        }
    }

    /// <summary>The χ² 95% quantile for <see cref="ExtraParameters"/> (Wilson–Hilferty cube-root approximation).</summary>
    public double CriticalStatistic
    {
        get
        {
            double df = ExtraParameters, c = 2 / (9 * df);
            return df * Math.Pow(1 - c + 1.6448536269514722 * Math.Sqrt(c), 3);
        }
    }

    /// <summary>True when 2·(log-likelihood gain) exceeds <see cref="CriticalStatistic"/>: evidence of intransitivity.</summary>
    public bool SignificantGain => 2 * Fit.LogLikelihoodGain > CriticalStatistic;

    /// <summary>Fits and analyses <paramref name="battles"/>; the comparison graph must be connected.</summary>
    public static IntransitiveAnalysis Of(IReadOnlyList<Battle> battles, GeneralPreferenceOptions? options = null, int topCycles = 10)
    {
        if (battles.Count == 0) throw new ArgumentException("no battles to analyse", nameof(battles));
        var counts = PairwiseCounts.FromBattles(battles);
        ComparisonGraph.Of(counts).RequireConnected(counts.Items, "battles");
        var matrix = PreferenceMatrix.FromBattles(battles);
        return new IntransitiveAnalysis(GeneralPreferenceModel.Fit(battles, options),
            CondorcetCycleFinder.FindThreeCycles(matrix, topCycles), MaximalLottery.Compute(matrix), battles.Count);
    }
}
