using System.Diagnostics;
using PrefSharp.Core.Data.Streaming;
using PrefSharp.Core.Ranking;

namespace PrefSharp.Bench.Benchmarks;

/// <summary>
/// rank-100m: Arena battle JSONL among 100 models at 10M and then 100M battles (about 0.6 and 6 GB, generated into
/// the scratch folder and deleted after each size), ranked by the streamed path of <c>prefsharp rank --bootstrap 100</c>.
/// Per size: seconds per GB of streaming the file into counts against a plain read of the same file (ratio = count /
/// read time), the whole run's seconds against the count's alone (the fit and bootstrap do not depend on the file's size), and the
/// process's peak working set against 500 MB, which must not grow with the file. Linearity: the 100M count's seconds
/// per GB against the 10M count's (ratio 1 is linear).
/// </summary>
public sealed class RankHundredMillionBenchmark(long[]? sizes = null, int rounds = 100) : IBenchmark
{
    private readonly long[] _sizes = sizes ?? [10_000_000, 100_000_000];

    public string Name => "rank-100m";
    public string Description => "10M and 100M battles streamed from JSONL: s/GB vs a plain read, peak MB vs 500, 100M rate vs 10M rate";

    public IEnumerable<BenchResult> Run(BenchContext context)
    {
        double firstRate = double.NaN;
        foreach (long battles in _sizes)
        {
            var path = Path.Combine(context.ScratchDirectory, $"battles-{battles}.jsonl");
            double gigabytes = ArenaLogGenerator.Write(path, battles, 100, context.Seed) / 1e9;
            context.Log($"{battles:N0} battles: {gigabytes:F2} GB written");
            double read = BenchContext.Seconds(() => BenchContext.PlainRead(path));
            PairwiseCounts? counts = null;
            double parse = BenchContext.Seconds(() => counts = BattleCountReader.Read([path]));
            File.Delete(path);
            Leaderboard? board = null;
            double fit = BenchContext.Seconds(() => board = LeaderboardBuilder.Build(counts!, new LeaderboardOptions { BootstrapRounds = rounds, Seed = context.Seed }));
            var process = Process.GetCurrentProcess();
            process.Refresh();
            double peakMb = process.PeakWorkingSet64 / 1e6, rate = parse / gigabytes;
            if (double.IsNaN(firstRate)) firstRate = rate;
            string size = $"{battles / 1_000_000}m";
            context.Log($"{size}: read {read:F1} s, streamed counts {parse:F1} s, fit + {rounds} rounds {fit:F1} s ({board!.Items.Count} items), peak {peakMb:F0} MB");
            yield return new BenchResult(Name, $"count_seconds_per_gb_{size}", rate, "s/GB", read / gigabytes, parse / read);
            yield return new BenchResult(Name, $"total_seconds_{size}", parse + fit, "s", parse, (parse + fit) / parse);
            yield return new BenchResult(Name, $"peak_working_set_mb_{size}", peakMb, "MB", 500, peakMb / 500);
            if (battles != _sizes[0]) yield return new BenchResult(Name, $"count_rate_{size}_vs_first", rate / firstRate, "ratio", 1, rate / firstRate);
        }
    }
}
