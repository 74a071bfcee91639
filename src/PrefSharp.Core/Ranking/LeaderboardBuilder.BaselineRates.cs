using PrefSharp.Core.Data;
using PrefSharp.Core.Ranking.Style;

namespace PrefSharp.Core.Ranking;

/// <summary>AlpacaEval's empirical and length-controlled win rates against the baseline, added beside the model's.</summary>
public static partial class LeaderboardBuilder
{
    /// <summary>Adds AlpacaEval's length-controlled win rates against <paramref name="baseline"/>.</summary>
    private static Leaderboard WithLengthControl(Leaderboard board, IReadOnlyList<Battle> battles, string baseline)
    {
        var annotations = battles.Select((battle, row) => (battle, row))
            .Where(b => (b.battle.ItemA == baseline) != (b.battle.ItemB == baseline))
            .Select(b => LengthControlledAnnotation.FromBattle(b.battle.ItemA == baseline ? b.battle : b.battle.Swapped(), b.row))
            .ToList();
        var rates = LengthControlledWinRate.Compute(annotations).ToDictionary(r => r.Model, StringComparer.Ordinal);
        return board with
        {
            Items = board.Items.Select(row => rates.TryGetValue(row.Name, out var rate)
                ? row with { LengthControlledWinRate = rate.LengthControlledWinRate } : row).ToList(),
        };
    }

    /// <summary>Adds AlpacaEval's empirical win rates against <paramref name="baseline"/> to the rows that met it.</summary>
    private static Leaderboard WithDirectWinRates(Leaderboard board, IReadOnlyList<Battle> battles, string baseline)
    {
        var rates = DirectWinRate.Against(battles, baseline);
        return board with
        {
            Items = board.Items.Select(row => rates.TryGetValue(row.Name, out var rate)
                ? row with { AlpacaWinRate = rate.WinRate, AlpacaStandardError = double.IsNaN(rate.StandardError) ? null : rate.StandardError }
                : row).ToList(),
        };
    }
}
