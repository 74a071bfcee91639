using PrefSharp.Core.Data;

namespace PrefSharp.Core.Ranking.Intransitive;

/// <summary>
/// What <c>prefsharp rank --model gpm</c> reports: the general preference model against Bradley–Terry (the
/// log-likelihood it gains is the evidence of intransitivity), the strongest Condorcet 3-cycles of the empirical
/// preference matrix, and its maximal lottery (the minimax winner of SPO and DNO).
/// </summary>
public sealed record IntransitiveAnalysis(GeneralPreferenceFit Fit, IReadOnlyList<CondorcetCycle> Cycles, MaximalLotteryResult Lottery, int Battles)
{
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
