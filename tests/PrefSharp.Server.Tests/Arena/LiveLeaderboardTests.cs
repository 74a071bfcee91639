using Microsoft.Data.Sqlite;
using PrefSharp.Core.Data;
using PrefSharp.Core.Ranking;
using PrefSharp.Server.Arena.Live;
using PrefSharp.Server.Arena.Storage;

namespace PrefSharp.Server.Tests.Arena;

/// <summary>The live leaderboard's counts and agreement, with values derived by hand.</summary>
public sealed class LiveLeaderboardTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("prefsharp-arena-live-").FullName;

    [Fact]
    public void Agreement_is_cohens_kappa_over_the_items_both_annotators_voted_in_either_order()
    {
        using var store = ArenaStore.Open(Path.Combine(folder, "arena.db"));
        // carol and frank label five items; frank sees two of them with the sides swapped; they disagree on one.
        // carol: alpha, beta, alpha, gamma, tie   frank: alpha, beta, alpha, gamma, alpha
        // p_o = 4/5; marginals carol {alpha 2, beta 1, gamma 1, tie 1}, frank {alpha 3, beta 1, gamma 1}:
        // p_e = (2·3 + 1·1 + 1·1) / 25 = 8/25; κ = (4/5 − 8/25) / (1 − 8/25) = 12/17.
        store.Import(
        [
            new("alpha", "beta", BattleOutcome.A) { Judge = "carol", QuestionId = "q1" },
            new("beta", "gamma", BattleOutcome.A) { Judge = "carol", QuestionId = "q1" },
            new("alpha", "gamma", BattleOutcome.A) { Judge = "carol", QuestionId = "q2" },
            new("gamma", "alpha", BattleOutcome.A) { Judge = "carol", QuestionId = "q1" },
            new("beta", "alpha", BattleOutcome.Tie) { Judge = "carol", QuestionId = "q2" },
            new("beta", "alpha", BattleOutcome.B) { Judge = "frank", QuestionId = "q1" },
            new("beta", "gamma", BattleOutcome.A) { Judge = "frank", QuestionId = "q1" },
            new("gamma", "alpha", BattleOutcome.B) { Judge = "frank", QuestionId = "q2" },
            new("gamma", "alpha", BattleOutcome.A) { Judge = "frank", QuestionId = "q1" },
            new("beta", "alpha", BattleOutcome.B) { Judge = "frank", QuestionId = "q2" },
        ]);

        var view = new LiveLeaderboard(store, new LeaderboardOptions { Intervals = IntervalMethod.Sandwich }).Current();

        var kappa = Assert.Single(view.Agreement!.CohenKappa);
        Assert.Equal(("carol", "frank", 5), (kappa.A, kappa.B, kappa.Items));
        Assert.Equal(12.0 / 17, kappa.Kappa!.Value, 12);
        Assert.Equal(10, view.Votes);
        Assert.Equal(new Dictionary<string, int> { ["alpha"] = 8, ["beta"] = 6, ["gamma"] = 6 }, view.ModelVotes);
        Assert.Equal(new Dictionary<string, int> { ["carol"] = 5, ["frank"] = 5 }, view.AnnotatorVotes);
        Assert.Equal(["alpha", "beta", "gamma"], view.Leaderboard!.Items.Select(i => i.Name).Order());
    }

    [Fact]
    public void Before_the_ratings_are_finite_the_view_says_why_and_still_counts_votes()
    {
        using var store = ArenaStore.Open(Path.Combine(folder, "arena.db"));
        store.Import([new("alpha", "beta", BattleOutcome.A) { Judge = "carol" }]);

        var view = new LiveLeaderboard(store, new LeaderboardOptions()).Current();

        Assert.Null(view.Leaderboard);
        Assert.Contains("never lose: 'alpha'", view.Problem);
        Assert.Equal(1, view.ModelVotes["beta"]);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
