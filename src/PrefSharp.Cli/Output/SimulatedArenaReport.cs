using System.Globalization;
using PrefSharp.Core.Gym;
using PrefSharp.Core.Ranking;
using PrefSharp.Core.Ranking.Active;

namespace PrefSharp.Cli.Output;

/// <summary>How well a leaderboard of the gym's simulated arena recovers the arena's true strengths (Kendall τ).</summary>
public static class SimulatedArenaReport
{
    public static void Write(SimulatedArena arena, Leaderboard leaderboard, int battles, TextWriter output)
    {
        var names = Enumerable.Range(0, arena.Strengths.Count).Select(arena.ModelName).ToList();
        var tau = RankingDistance.KendallTau(arena.Strengths, names.Select(n => leaderboard[n].Rating).ToList());
        output.WriteLine();
        output.WriteLine($"Simulated arena (gym): {names.Count} models with known strengths, {battles:N0} battles judged by a Bradley–Terry annotator.");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Kendall τ between the fitted ratings and the true strengths: {tau:F3} (1 = the true order)."));
        output.WriteLine("Rank your own data: prefsharp rank FILE…   (see prefsharp rank --help)");
    }
}
