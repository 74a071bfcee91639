using PrefSharp.Core.Data;
using PrefSharp.Core.Ranking;

namespace PrefSharp.Core.Tests.Ranking;

public class BadInputTests
{
    [Fact]
    public void ItemAgainstItselfIsNamed()
    {
        var battles = new List<Battle> { new("a", "b", BattleOutcome.A), new("gpt-x", "gpt-x", BattleOutcome.Tie) };
        var error = Assert.Throws<ArgumentException>(() => LeaderboardBuilder.Build(battles));
        Assert.Contains("'gpt-x' is compared against itself", error.Message);
        Assert.Contains("#1", error.Message);
        Assert.Throws<ArgumentException>(() => new ChoiceData().AddRanking(["a", "b", "a"]));
    }

    [Fact]
    public void EmptyInputIsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => LeaderboardBuilder.Build(new List<Battle>()));
        Assert.Contains("No battles", error.Message);
        Assert.Throws<ArgumentException>(() => PlackettLuce.Fit(new ChoiceData()));
    }

    [Fact]
    public void AbsentBaselineIsNamedWithAvailableItems()
    {
        var battles = BattleFactory.Record("alpha", "beta", 2, 1, 2);
        var error = Assert.Throws<ArgumentException>(() => LeaderboardBuilder.Build(battles, new LeaderboardOptions { Baseline = "gpt-4-0314" }));
        Assert.Equal("Baseline", error.ParamName);
        Assert.Contains("'gpt-4-0314' does not occur", error.Message);
        Assert.Contains("'alpha', 'beta'", error.Message);
        var anchor = Assert.Throws<ArgumentException>(() => LeaderboardBuilder.Build(battles, new LeaderboardOptions { AnchorItem = "x" }));
        Assert.Equal("AnchorItem", anchor.ParamName);
    }

    [Fact]
    public void DisconnectedGraphNamesTheComponentsUnlessEachIsAnchored()
    {
        var battles = BattleFactory.Record("a", "b", 3, 0, 2).Concat(BattleFactory.Record("b", "c", 2, 1, 2))
            .Concat(BattleFactory.Record("x", "y", 4, 0, 1)).ToList();
        var error = Assert.Throws<DisconnectedComparisonGraphException>(() => LeaderboardBuilder.Build(battles));
        Assert.Equal(2, error.Components.Count);
        Assert.Equal(["a", "b", "c"], error.Components[0]);
        Assert.Equal(["x", "y"], error.Components[1]);
        Assert.Contains("component 1 (3 items): 'a', 'b', 'c'", error.Message);
        Assert.Contains("component 2 (2 items): 'x', 'y'", error.Message);
        Assert.Throws<DisconnectedComparisonGraphException>(() => LeaderboardBuilder.Build(battles, new LeaderboardOptions { Model = RankingModel.Elo }));

        var board = LeaderboardBuilder.Build(battles, new LeaderboardOptions
        {
            AnchorEachComponent = true, Scale = RatingScale.Natural, Intervals = IntervalMethod.Sandwich, Baseline = "a",
        });
        Assert.Equal(0, board["x"].Rating + board["y"].Rating, 1e-9); // each component centred
        Assert.Equal(Math.Log(4), board["x"].Rating - board["y"].Rating, 1e-9);
        Assert.Null(board["x"].WinRate); // not comparable with the baseline's component
        Assert.NotNull(board["c"].WinRate);
    }

    [Theory]
    [InlineData("CiLevel")]
    [InlineData("BootstrapRounds")]
    [InlineData("PriorPrecision")]
    [InlineData("EloK")]
    [InlineData("Intervals")]
    public void InvalidOptionsAreNamed(string option)
    {
        LeaderboardOptions options = option switch
        {
            "CiLevel" => new() { CiLevel = 1.2 },
            "BootstrapRounds" => new() { BootstrapRounds = 0 },
            "PriorPrecision" => new() { PriorPrecision = -1 },
            "EloK" => new() { EloK = 0 },
            _ => new() { Model = RankingModel.Elo, Intervals = IntervalMethod.Sandwich },
        };
        var error = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Equal(option, error.ParamName);
        Assert.Equal("model", Assert.Throws<ArgumentException>(() => RankingModelNames.Parse("bradley")).ParamName);
    }
}
