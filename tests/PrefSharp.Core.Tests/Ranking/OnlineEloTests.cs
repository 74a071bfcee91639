using PrefSharp.Core.Data;
using PrefSharp.Core.Ranking;

namespace PrefSharp.Core.Tests.Ranking;

public class OnlineEloTests
{
    [Fact]
    public void UpdatesFollowTheFormulaStepByStep()
    {
        // K = 4, start 1000. Battle 1: a beats b at equal ratings: E = ½, a: 1000 + 4·½ = 1002, b: 998.
        // Battle 2: b ties c (998 vs 1000): E_b = 1/(1 + 10^(2/400)) = 0.497121…, b += 4(½ − E_b), c += 4(½ − E_c).
        // Battle 3: c beats a.
        var battles = new List<Battle>
        {
            new("a", "b", BattleOutcome.A),
            new("b", "c", BattleOutcome.Tie),
            new("c", "a", BattleOutcome.A),
        };
        var items = new ItemIndex();
        double[] ratings = OnlineElo.Run(battles, items);
        double a = 1002, b = 998, c = 1000;
        double eb = 1 / (1 + Math.Pow(10, (c - b) / 400)), ec = 1 - eb;
        b += 4 * (0.5 - eb);
        c += 4 * (0.5 - ec);
        double ec3 = 1 / (1 + Math.Pow(10, (a - c) / 400));
        c += 4 * (1 - ec3);
        a += 4 * (0 - (1 - ec3));
        Assert.Equal(a, ratings[items.Require("a", "x")], 1e-12);
        Assert.Equal(b, ratings[items.Require("b", "x")], 1e-12);
        Assert.Equal(c, ratings[items.Require("c", "x")], 1e-12);
        Assert.Equal(3000, ratings.Sum(), 1e-9); // zero-sum updates
        // Hand value: 10^(2/400) = 1.0115794542598986, so E_b(998 vs 1000) = 1/2.0115794542598986 = 0.4971218004…
        Assert.Equal(0.4971218004, eb, 1e-10);
    }

    [Fact]
    public void TimestampOrderChangesTheResultAndMissingTimestampsAreNamed()
    {
        var t0 = DateTimeOffset.UnixEpoch;
        var battles = new List<Battle>
        {
            new("a", "b", BattleOutcome.A) { Timestamp = t0.AddDays(2) },
            new("a", "b", BattleOutcome.B) { Timestamp = t0.AddDays(1) },
        };
        double[] given = OnlineElo.Run(battles, new ItemIndex());
        double[] sorted = OnlineElo.Run(battles, new ItemIndex(), new EloOptions { Order = BattleOrder.ByTimestamp });
        // The last battle weighs most in online Elo: given order ends with a's win, sorted order with it too (day 2).
        Assert.Equal(1000 + 2 - 4 * (1 - 1 / (1 + Math.Pow(10, 4 / 400.0))), given[0], 1e-12); // a won then lost at 1002 vs 998
        Assert.True(sorted[0] > given[0]);
        var undated = new List<Battle> { new("a", "b", BattleOutcome.A) };
        var error = Assert.Throws<ArgumentException>(() => OnlineElo.Run(undated, new ItemIndex(), new EloOptions { Order = BattleOrder.ByTimestamp }));
        Assert.Equal("Order", error.ParamName);
    }
}
