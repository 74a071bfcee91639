using PrefSharp.Core.Data;
using PrefSharp.Core.Gym;
using PrefSharp.Core.Ranking;

namespace PrefSharp.Bench.Benchmarks;

/// <summary>
/// rank-1m: 1,000,000 battles among 100 simulated models written as battle JSONL, then parse + Bradley–Terry fit +
/// 1,000 bootstrap rounds (the whole <c>prefsharp rank</c> path), against parsing alone in the same run
/// (ratio = total seconds / parse seconds; target ≤ 2, i.e. the statistics cost no more than reading the file).
/// </summary>
public sealed class RankOneMillionBenchmark(int battles = 1_000_000, int models = 100, int rounds = 1000) : IBenchmark
{
    public string Name => "rank-1m";
    public string Description => "1M battles / 100 models: parse + BT + 1000 bootstrap rounds against parse alone (ratio = total / parse)";

    public IEnumerable<BenchResult> Run(BenchContext context)
    {
        var path = Path.Combine(context.ScratchDirectory, "battles.jsonl");
        context.Log($"simulating {battles:N0} battles among {models} models…");
        var arena = SimulatedArena.WithSpreadStrengths(models, context.Seed);
        BattleJsonlWriter.Write(path, arena.Battles(battles, context.Seed));
        context.Log($"{new FileInfo(path).Length / 1e6:F0} MB written");

        var parseSeconds = BenchContext.Seconds(() => Parse(path));
        Leaderboard? board = null;
        var totalSeconds = BenchContext.Seconds(() =>
        {
            var parsed = Parse(path);
            board = LeaderboardBuilder.Build(parsed, new LeaderboardOptions { BootstrapRounds = rounds, Seed = context.Seed });
        });
        context.Log($"parse {parseSeconds:F2} s; parse + fit + {rounds} bootstrap rounds {totalSeconds:F2} s; top: {board!.Items[0].Name}");
        yield return new BenchResult(Name, "total_seconds", totalSeconds, "s", parseSeconds, totalSeconds / parseSeconds);
        yield return new BenchResult(Name, "statistics_seconds", totalSeconds - parseSeconds, "s", parseSeconds,
            (totalSeconds - parseSeconds) / parseSeconds);
    }

    private static List<Battle> Parse(string path) => new PreferenceFileReader(path).Cast<Battle>().ToList();
}
