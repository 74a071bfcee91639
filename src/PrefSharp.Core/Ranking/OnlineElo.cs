using PrefSharp.Core.Data;

namespace PrefSharp.Core.Ranking;

/// <summary>
/// Online Elo (Elo 1978; the logistic form of Chatbot Arena's notebook `compute_online_elo`): for a battle
/// of A and B, E_A = 1/(1 + Base^((R_B − R_A)/Scale)), then R_A += K·w·(S_A − E_A) and R_B += K·w·((1 − S_A) − E_B),
/// with S_A the battle's score (1, ½ for ties, 0, or soft) and w its weight. Order matters; ratings sum to
/// n·InitialRating throughout.
/// </summary>
public static class OnlineElo
{
    /// <summary>Final ratings by item index (items are added to <paramref name="items"/> in order of appearance).</summary>
    public static double[] Run(IReadOnlyList<Battle> battles, ItemIndex items, EloOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(battles);
        options ??= new EloOptions();
        options.Validate();
        if (battles.Count == 0) throw new ArgumentException("No battles: at least one comparison is required.", nameof(battles));
        foreach (Battle battle in battles)
        {
            if (battle.ItemA == battle.ItemB) throw new ArgumentException($"item '{battle.ItemA}' is compared against itself.", nameof(battles));
            items.GetOrAdd(battle.ItemA);
            items.GetOrAdd(battle.ItemB);
        }
        var ratings = new double[items.Count];
        Array.Fill(ratings, options.InitialRating);
        foreach (Battle battle in InOrder(battles, options.Order)) Update(ratings, items, battle, options);
        return ratings;
    }

    /// <summary>One Elo update in place.</summary>
    public static void Update(double[] ratings, ItemIndex items, Battle battle, EloOptions options)
    {
        int a = items.Require(battle.ItemA, "battle"), b = items.Require(battle.ItemB, "battle");
        double expectedA = 1 / (1 + Math.Pow(options.Base, (ratings[b] - ratings[a]) / options.Scale));
        double expectedB = 1 / (1 + Math.Pow(options.Base, (ratings[a] - ratings[b]) / options.Scale));
        double step = options.K * battle.Weight;
        ratings[a] += step * (battle.ScoreA - expectedA);
        ratings[b] += step * (1 - battle.ScoreA - expectedB);
    }

    private static IEnumerable<Battle> InOrder(IReadOnlyList<Battle> battles, BattleOrder order)
    {
        if (order == BattleOrder.AsGiven) return battles;
        int missing = battles.Count(b => b.Timestamp is null);
        if (missing > 0)
            throw new ArgumentException($"Order = ByTimestamp needs a timestamp on every battle; {missing} of {battles.Count} have none.", nameof(EloOptions.Order));
        return battles.OrderBy(b => b.Timestamp!.Value); // stable
    }
}
