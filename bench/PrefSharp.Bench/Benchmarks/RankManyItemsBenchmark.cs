using System.Diagnostics;
using PrefSharp.Core.Data;
using PrefSharp.Core.Data.Streaming;
using PrefSharp.Core.Gym;
using PrefSharp.Core.Ranking;

namespace PrefSharp.Bench.Benchmarks;

/// <summary>
/// rank-many-items: 1M simulated battles among 100,000 items (about 20 battles per item, so a prior keeps every
/// estimate finite) written as battle JSONL, then the streamed path of <c>prefsharp rank --prior 0.01 --bootstrap 100</c>
/// (Bradley–Terry by sparse Newton, 100 bootstrap rounds with percentile intervals). Bounds: the whole path against
/// 10 s ("in seconds") and the peak working set against 500 MB.
/// </summary>
public sealed class RankManyItemsBenchmark(int battles = 1_000_000, int items = 100_000, int rounds = 100) : IBenchmark
{
    public string Name => "rank-many-items";
    public string Description => "1M battles / 100,000 items, prior 0.01, 100 bootstrap rounds: seconds vs 10; peak MB vs 500";

    public IEnumerable<BenchResult> Run(BenchContext context)
    {
        var path = Path.Combine(context.ScratchDirectory, "battles-many-items.jsonl");
        var arena = SimulatedArena.WithSpreadStrengths(items, context.Seed);
        BattleJsonlWriter.Write(path, arena.Battles(battles, context.Seed));
        context.Log($"{new FileInfo(path).Length / 1e6:F0} MB written");
        var options = new LeaderboardOptions { BootstrapRounds = rounds, PriorPrecision = 0.01, Seed = context.Seed };
        var watch = Stopwatch.StartNew();
        var counts = BattleCountReader.Read([path]);
        double parse = watch.Elapsed.TotalSeconds;
        var board = LeaderboardBuilder.Build(counts, options);
        double total = watch.Elapsed.TotalSeconds;
        var process = Process.GetCurrentProcess();
        process.Refresh();
        double peakMb = process.PeakWorkingSet64 / 1e6;
        context.Log($"parse {parse:F2} s, parse + fit + {rounds} rounds {total:F2} s, {board.Items.Count:N0} items, peak {peakMb:F0} MB");
        yield return new BenchResult(Name, "total_seconds", total, "s", 10, total / 10);
        yield return new BenchResult(Name, "peak_working_set_mb", peakMb, "MB", 500, peakMb / 500);
    }
}
