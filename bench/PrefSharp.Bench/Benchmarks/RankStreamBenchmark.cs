using System.Diagnostics;
using PrefSharp.Core.Data;
using PrefSharp.Core.Data.Streaming;
using PrefSharp.Core.Gym;
using PrefSharp.Core.Ranking;

namespace PrefSharp.Bench.Benchmarks;

/// <summary>
/// rank-stream: simulated battles among <c>models</c> models written as battle JSONL, then the streamed path of
/// <c>prefsharp rank</c> (counts without records, parallel parse, Bradley–Terry, 1,000 bootstrap rounds), best of
/// three. Bounds measured in the same run: parse MB/s against a plain read of the same file (ratio = read / parse
/// time), the whole path against the 1.5 s target, and peak working set against 200 MB.
/// A larger <c>battles</c> (e.g. 100,000,000) measures memory that does not grow with the file.
/// </summary>
public sealed class RankStreamBenchmark(int battles = 1_000_000, int models = 100, int rounds = 1000) : IBenchmark
{
    public string Name => "rank-stream";
    public string Description => "1M battles / 100 models streamed into counts: parse MB/s vs plain read; parse + BT + 1000 rounds vs 1.5 s; peak MB vs 200";

    public IEnumerable<BenchResult> Run(BenchContext context)
    {
        var path = Path.Combine(context.ScratchDirectory, "battles-stream.jsonl");
        var arena = SimulatedArena.WithSpreadStrengths(models, context.Seed);
        BattleJsonlWriter.Write(path, arena.Battles(battles, context.Seed));
        double megabytes = new FileInfo(path).Length / 1e6;
        context.Log($"{megabytes:F0} MB written");

        double read = Best(() => BenchContext.PlainRead(path)), parse = Best(() => BattleCountReader.Read([path]));
        var before = Process.GetCurrentProcess();
        before.Refresh();
        long baseline = before.PeakWorkingSet64;
        double total = Best(() => LeaderboardBuilder.Build(BattleCountReader.Read([path]),
            new LeaderboardOptions { BootstrapRounds = rounds, Seed = context.Seed }));
        var after = Process.GetCurrentProcess();
        after.Refresh();
        double peakMb = after.PeakWorkingSet64 / 1e6;
        context.Log($"plain read {read:F3} s, streamed parse {parse:F3} s, parse + fit + {rounds} rounds {total:F3} s, peak {peakMb:F0} MB (before: {baseline / 1e6:F0} MB)");
        yield return new BenchResult(Name, "parse_mb_per_s", megabytes / parse, "MB/s", megabytes / read, read / parse);
        yield return new BenchResult(Name, "total_seconds", total, "s", 1.5, total / 1.5);
        yield return new BenchResult(Name, "peak_working_set_mb", peakMb, "MB", 200, peakMb / 200);
    }

    private static double Best(Action action) => Enumerable.Range(0, 3).Min(_ => BenchContext.Seconds(action));
}
