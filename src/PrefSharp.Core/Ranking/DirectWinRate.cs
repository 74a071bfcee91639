using PrefSharp.Core.Data;

namespace PrefSharp.Core.Ranking;

/// <summary>
/// An item's empirical win rate against a baseline, as AlpacaEval reports it (Dubois et al. 2024, "Length-Controlled
/// AlpacaEval", §2; <c>alpaca_eval.metrics.pairwise_to_winrate</c>): each battle against the baseline scores the
/// item's soft preference s ∈ [0, 1] (1 win, 0 loss, 0.5 draw, or a judge's probability), the win rate is
/// 100·mean(s) and the standard error is 100·sd(s)/√n with the sample (n − 1) standard deviation. The baseline's
/// annotations against itself count toward its own win rate with B's score 1 − ScoreA (AlpacaEval's generator_2
/// side; the judge's 1.5 gives the 50 % AlpacaEval reports); other self-comparisons are not against the baseline.
/// </summary>
/// <param name="WinRate">100·mean(s), in percent.</param>
/// <param name="StandardError">100·sd(s)/√n, in percent; NaN with a single battle.</param>
/// <param name="Battles">Battles against the baseline (n).</param>
public sealed record DirectWinRate(double WinRate, double StandardError, long Battles)
{
    /// <summary>Direct win rates of every item that met <paramref name="baseline"/>, and of the baseline when it met itself.</summary>
    public static IReadOnlyDictionary<string, DirectWinRate> Against(IEnumerable<Battle> battles, string baseline)
    {
        var scores = new Dictionary<string, (long N, double Sum, double SumSquares)>(StringComparer.Ordinal);
        foreach (var battle in battles)
        {
            var (item, score) = battle.ItemA == battle.ItemB ? (battle.ItemA == baseline ? baseline : null, 1 - battle.ScoreA)
                : battle.ItemB == baseline ? (battle.ItemA, battle.ScoreA)
                : battle.ItemA == baseline ? (battle.ItemB, 1 - battle.ScoreA)
                : (null, 0.0);
            if (item is null) continue;
            var (n, sum, squares) = scores.GetValueOrDefault(item);
            scores[item] = (n + 1, sum + score, squares + score * score);
        }
        return scores.ToDictionary(pair => pair.Key, pair => FromSums(pair.Value.N, pair.Value.Sum, pair.Value.SumSquares), StringComparer.Ordinal);
    }

    private static DirectWinRate FromSums(long n, double sum, double sumSquares)
    {
        var mean = sum / n;
        var variance = n > 1 ? Math.Max(0, (sumSquares - n * mean * mean) / (n - 1)) : double.NaN;
        return new DirectWinRate(100 * mean, 100 * Math.Sqrt(variance / n), n);
    }
}
