using PrefSharp.Core.Data;
using PrefSharp.Core.Ranking;

namespace PrefSharp.Core.Tests.Ranking;

public class RankingLeaderboardTests
{
    [Fact]
    public void RankingsGiveAPlackettLuceLeaderboardMatchingTheDirectFit()
    {
        // choix's "partial rankings of variable lengths" as Ranking records: [0,1,2], [3,2,0], [1,3]; one with a top-1 order.
        static ItemRanking Of(params string[] bestFirst) =>
            new([.. bestFirst.Select(n => new RankedItem(n))]) { Order = [.. Enumerable.Range(0, bestFirst.Length)] };
        var rankings = new List<ItemRanking> { Of("i0", "i1", "i2"), Of("i3", "i2", "i0"), Of("i1", "i3") };
        var board = LeaderboardBuilder.Build(rankings, new LeaderboardOptions
        {
            Model = RankingModel.PlackettLuce, Scale = RatingScale.Natural, BootstrapRounds = 200, Baseline = "i0",
        });
        Assert.Equal("plackett-luce", board.Model);
        var direct = PlackettLuce.Fit(ChoiceData.FromRankings(rankings));
        foreach (var item in board.Items) Assert.Equal(direct.StrengthOf(item.Name), item.Rating, 1e-9);
        Assert.Equal(["i1", "i3", "i0", "i2"], board.Items.Select(i => i.Name));
        // Pairwise tallies: in [i0, i1, i2] i1 loses to i0 and beats i2; in [i1, i3] it beats i3 → 3 battles, 2 wins, 1 loss.
        Assert.Equal((3, 2, 1), (board["i1"].Battles, board["i1"].Wins, board["i1"].Losses));
        // Partial order: top-1 of three, the rest unranked.
        var partial = new ItemRanking([new RankedItem("a"), new RankedItem("b"), new RankedItem("c")]) { Order = [1] };
        var data = ChoiceData.FromRankings([partial, Of("a", "c"), Of("c", "b"), Of("a", "b")]);
        Assert.Equal(4, data.Count);
        Assert.True(PlackettLuce.Fit(data).Converged);
    }
}
