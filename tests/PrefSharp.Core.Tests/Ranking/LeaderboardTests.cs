using System.Text.Json;
using PrefSharp.Core.Data;
using PrefSharp.Core.Ranking;

namespace PrefSharp.Core.Tests.Ranking;

public class LeaderboardTests
{
    /// <summary>Every model plays only the baseline "base": (wins, ties, losses) against it.</summary>
    private static List<Battle> StarDesign() =>
    [
        .. BattleFactory.Record("m1", "base", 30, 10, 20),
        .. BattleFactory.Record("base", "m2", 12, 6, 30), // m2 seen from the other side: 30 wins, 6 ties, 12 losses
        .. BattleFactory.Record("m3", "base", 5, 0, 45),
        .. BattleFactory.Record("m4", "base", 25, 50, 25),
    ];

    [Theory]
    [InlineData(IntervalMethod.None)]
    [InlineData(IntervalMethod.Sandwich)]
    [InlineData(IntervalMethod.Bootstrap)]
    public void StarDesignWinRateEqualsWinsPlusHalfTiesOverBattles(IntervalMethod intervals)
    {
        var board = LeaderboardBuilder.Build(StarDesign(), new LeaderboardOptions { Baseline = "base", Intervals = intervals, BootstrapRounds = 200 });
        // On a star the MLE fits every edge exactly: σ(β_i − β_base) = (W + T/2)/N.
        Assert.Equal(100 * (30 + 5.0) / 60, board["m1"].WinRate!.Value, 1e-8);
        Assert.Equal(100 * (30 + 3.0) / 48, board["m2"].WinRate!.Value, 1e-8);
        Assert.Equal(100 * 5.0 / 50, board["m3"].WinRate!.Value, 1e-8);
        Assert.Equal(50, board["m4"].WinRate!.Value, 1e-8);
        Assert.Equal(50, board["base"].WinRate!.Value, 1e-12);
        Assert.Equal((30, 6, 12, 48), (board["m2"].Wins, board["m2"].Ties, board["m2"].Losses, board["m2"].Battles));
        Assert.Equal(["m2", "m1"], board.Items.Take(2).Select(i => i.Name));
        Assert.Equal("m3", board.Items[^1].Name);
        Assert.Equal(board["base"].Rating, board["m4"].Rating, 1e-9); // 50% against the baseline: equal ratings
        if (intervals == IntervalMethod.None) Assert.Null(board["m1"].RatingLo);
        else Assert.True(board["m1"].WinRateLo < board["m1"].WinRate && board["m1"].WinRate < board["m1"].WinRateHi);
    }

    [Fact]
    public void EloScaleIsFourHundredOverLnTenPerLogitAroundTheAnchor()
    {
        var battles = BattleFactory.Record("a", "b", 7, 0, 3);
        var logit = LeaderboardBuilder.Build(battles, new LeaderboardOptions { Scale = RatingScale.Natural, Intervals = IntervalMethod.None });
        var elo = LeaderboardBuilder.Build(battles, new LeaderboardOptions { Intervals = IntervalMethod.None });
        var anchored = LeaderboardBuilder.Build(battles, new LeaderboardOptions { Intervals = IntervalMethod.None, AnchorItem = "b", AnchorRating = 1114 });
        Assert.Equal("logit", logit.Scale);
        Assert.Equal("elo", elo.Scale);
        Assert.Equal(Math.Log(7.0 / 3) / 2, logit["a"].Rating, 1e-9);
        Assert.Equal(1000 + 400 / Math.Log(10) * Math.Log(7.0 / 3) / 2, elo["a"].Rating, 1e-7);
        Assert.Equal(1114, anchored["b"].Rating, 1e-9);
        Assert.Equal(1114 + 400 * Math.Log10(7.0 / 3), anchored["a"].Rating, 1e-7); // 147.19 Elo points for 7:3 odds
    }

    [Fact]
    public void JsonHasExactlyTheAgreedFieldNames()
    {
        var board = LeaderboardBuilder.Build(StarDesign(), new LeaderboardOptions { Baseline = "base", Intervals = IntervalMethod.Sandwich });
        using var document = JsonDocument.Parse(board.ToJson());
        Assert.Equal(["model", "scale", "items"], document.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("bt", document.RootElement.GetProperty("model").GetString());
        string[] fields = ["name", "rating", "rating_lo", "rating_hi", "rank", "rank_lo", "rank_hi", "win_rate", "win_rate_lo",
            "win_rate_hi", "battles", "wins", "ties", "losses"];
        foreach (var item in document.RootElement.GetProperty("items").EnumerateArray())
            Assert.Equal(fields, item.EnumerateObject().Select(p => p.Name));
        var roundTrip = Leaderboard.FromJson(board.ToJson());
        Assert.Equal(board.Items, roundTrip.Items);
    }

    [Fact]
    public void EveryModelBuildsALeaderboardWithTheSameWinner()
    {
        var random = new Random(7);
        var battles = BattleFactory.SimulateBradleyTerry([1.0, 0.5, 0.0, -0.5], 60, random);
        battles.AddRange(BattleFactory.Record("m0", "m3", 0, 20, 0));
        foreach (string name in RankingModelNames.All)
        {
            var options = new LeaderboardOptions { Model = RankingModelNames.Parse(name), BootstrapRounds = 50, Baseline = "m3" };
            var board = LeaderboardBuilder.Build(battles, options);
            Assert.Equal(name, board.Model);
            Assert.Equal("m0", board.Items[0].Name);
            Assert.All(board.Items, item => Assert.True(item.RankLo <= item.Rank && item.Rank <= item.RankHi, $"{name}: {item}"));
            Assert.All(board.Items, item => Assert.True(item.RatingLo <= item.Rating && item.Rating <= item.RatingHi, $"{name}: {item}"));
        }
    }

    [Fact]
    public void SameSeedGivesTheSameLeaderboardWhateverTheThreads()
    {
        var battles = BattleFactory.SimulateBradleyTerry([0.3, 0.2, 0.0, -0.4, 0.1], 20, new Random(3));
        var one = LeaderboardBuilder.Build(battles, new LeaderboardOptions { Seed = 11, BootstrapRounds = 100, MaxDegreeOfParallelism = 1 });
        var many = LeaderboardBuilder.Build(battles, new LeaderboardOptions { Seed = 11, BootstrapRounds = 100, MaxDegreeOfParallelism = 4 });
        var other = LeaderboardBuilder.Build(battles, new LeaderboardOptions { Seed = 12, BootstrapRounds = 100 });
        Assert.Equal(one.Items, many.Items);
        Assert.NotEqual(one.Items, other.Items);
    }
}
