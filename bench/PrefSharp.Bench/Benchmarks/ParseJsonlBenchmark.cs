using System.Diagnostics;
using PrefSharp.Core.Data;

namespace PrefSharp.Bench.Benchmarks;

/// <summary>
/// parse-jsonl: 1 GB of generated TRL JSONL parsed into records, against a plain read of the same file in the same run
/// (ratio = parse MB/s / read MB/s). Memory: the peak working set during the parse against the file size
/// (constant memory means a ratio far below 1).
/// </summary>
public sealed class ParseJsonlBenchmark(long bytes = 1L << 30) : IBenchmark
{
    public string Name => "parse-jsonl";
    public string Description => "1 GB of TRL JSONL parsed into records; MB/s against a plain read of the same file";

    public IEnumerable<BenchResult> Run(BenchContext context)
    {
        var path = Path.Combine(context.ScratchDirectory, "pairs.jsonl");
        context.Log($"generating {bytes / 1e6:F0} MB of TRL JSONL…");
        SyntheticPairs.Write(path, bytes, context.Seed);
        var size = new FileInfo(path).Length;

        var readSeconds = BenchContext.Seconds(() => BenchContext.PlainRead(path));
        long records = 0;
        var baseline = Process.GetCurrentProcess().WorkingSet64;
        var peak = baseline;
        var parseSeconds = BenchContext.Seconds(() =>
        {
            foreach (var _ in new PreferenceFileReader(path))
                if (++records % 100_000 == 0) peak = Math.Max(peak, Process.GetCurrentProcess().WorkingSet64);
        });
        context.Log($"{records:N0} records; read {readSeconds:F2} s, parse {parseSeconds:F2} s");

        double readRate = size / 1e6 / readSeconds, parseRate = size / 1e6 / parseSeconds;
        yield return new BenchResult(Name, "parse_throughput", parseRate, "MB/s", readRate, parseRate / readRate);
        var grownMb = (peak - baseline) / 1e6;
        yield return new BenchResult(Name, "working_set_growth", grownMb, "MB", size / 1e6, grownMb / (size / 1e6));
    }
}
