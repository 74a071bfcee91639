using PrefSharp.Core.Data;
using PrefSharp.Core.Ranking;

namespace PrefSharp.Evaluation.Eval;

/// <summary>
/// The two leaderboards of an evaluation, fitted as <c>rank</c> fits them: Bradley–Terry with intervals, win rates and
/// AlpacaEval's length-controlled win rate against the baseline (<c>rank --length-control</c>), and Chatbot Arena's
/// style-controlled Bradley–Terry (<c>rank --style-control</c>) on the judge's style features.
/// </summary>
public static class EvalLeaderboards
{
    public static (Leaderboard Ratings, Leaderboard StyleControlled) Fit(IReadOnlyList<Battle> battles, string baseline, int bootstrapRounds, int seed)
    {
        var options = new LeaderboardOptions
        {
            Baseline = baseline, LengthControl = true, Seed = seed,
            Intervals = bootstrapRounds > 0 ? IntervalMethod.Bootstrap : IntervalMethod.Sandwich, BootstrapRounds = Math.Max(bootstrapRounds, 1),
        };
        var styleIntervals = bootstrapRounds > 0 ? IntervalMethod.Bootstrap : IntervalMethod.None;  // style control has no sandwich
        return (LeaderboardBuilder.Build(battles, options),
            LeaderboardBuilder.Build(battles, options with { LengthControl = false, StyleControl = true, Intervals = styleIntervals }));
    }
}
