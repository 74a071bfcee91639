using PrefSharp.Core.Data;
using PrefSharp.Core.Metrics;
using PrefSharp.Core.Ranking;
using PrefSharp.Server.Arena.Export;
using PrefSharp.Server.Arena.Storage;

namespace PrefSharp.Server.Arena.Live;

/// <summary>
/// The leaderboard page's numbers: the fit <c>rank</c> makes of the exported battles (<see cref="LeaderboardBuilder"/>
/// with the same <see cref="LeaderboardOptions"/>: Bradley–Terry, bootstrap intervals, seed 0), votes per model and per
/// annotator, and inter-annotator agreement over the items (prompt, model pair) voted by two or more annotators.
/// Recomputed only when the number of votes changed.
/// </summary>
public sealed class LiveLeaderboard(ArenaStore store, LeaderboardOptions options)
{
    private readonly Lock gate = new();
    private (long Votes, LeaderboardView View)? cached;

    public LeaderboardOptions Options { get; } = options;

    public LeaderboardView Current()
    {
        lock (gate)
        {
            var count = store.VoteCount();
            if (cached is { } hit && hit.Votes == count) return hit.View;
            var view = Compute(store.Votes());
            cached = (count, view);
            return view;
        }
    }

    private LeaderboardView Compute(IReadOnlyList<StoredVote> votes)
    {
        var battles = votes.Select(v => new Battle(v.ModelA, v.ModelB, VoteOutcomes.ToBattleOutcome(v.Outcome))).ToList();
        Leaderboard? board = null;
        string? problem = null;
        if (battles.Count == 0) problem = "no votes yet";
        else
        {
            try { board = LeaderboardBuilder.Build(battles, Options); }
            catch (Exception failure) when (failure is ArgumentException or InvalidOperationException) { problem = failure.Message; }
        }
        return new LeaderboardView
        {
            Votes = votes.Count,
            Leaderboard = board,
            Problem = problem,
            ModelVotes = Count(votes.SelectMany(v => (string[])[v.ModelA, v.ModelB])),
            AnnotatorVotes = Count(votes.Select(v => v.Annotator)),
            Agreement = Agreement(votes),
        };
    }

    private static IReadOnlyDictionary<string, int> Count(IEnumerable<string> names) =>
        new SortedDictionary<string, int>(names.GroupBy(n => n).ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal);

    /// <summary>Labels in the item's own orientation: the winning model's name, "tie" or "both_bad".</summary>
    private static AgreementSummary? Agreement(IReadOnlyList<StoredVote> votes)
    {
        var agreement = new AnnotatorAgreement();
        foreach (var vote in votes)
        {
            var (first, second) = string.CompareOrdinal(vote.ModelA, vote.ModelB) < 0 ? (vote.ModelA, vote.ModelB) : (vote.ModelB, vote.ModelA);
            var label = vote.Outcome switch { "a" => vote.ModelA, "b" => vote.ModelB, var tie => tie };
            agreement.Add($"{vote.QuestionId}\n{first}\n{second}", vote.Annotator, label);
        }
        return agreement.Summarize();
    }
}
