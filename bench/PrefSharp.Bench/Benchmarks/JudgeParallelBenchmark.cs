using System.Diagnostics;
using PrefSharp.Evaluation.Inputs;
using PrefSharp.Evaluation.Judging;
using PrefSharp.Evaluation.Runs;

namespace PrefSharp.Bench.Benchmarks;

/// <summary>
/// <c>prefsharp judge</c>'s run (<see cref="JudgeRun"/>: HTTP through IChatClient, SQLite cache writes, verdict
/// parsing) against a loopback judge with 50 ms latency: 80 instructions × 1 model × 2 orders = 160 questions with
/// <c>--parallel 16</c> (value) against <c>--parallel 1</c> (bound), each on a fresh cache after a warm-up round (JIT, connections). ratio = speed-up
/// (target ≥ 10; the ideal is 16).
/// </summary>
public sealed class JudgeParallelBenchmark : IBenchmark
{
    private const int Instructions = 80;
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(50);

    public string Name => "judge-parallel";

    public string Description => "judge: questions/s against a 50 ms loopback judge, --parallel 16 (value) vs --parallel 1 (bound)";

    public IEnumerable<BenchResult> Run(BenchContext context)
    {
        var parallel = Measure(context, 16).GetAwaiter().GetResult();
        var serial = Measure(context, 1).GetAwaiter().GetResult();
        yield return new BenchResult(Name, "questions_per_second", parallel, "questions/s", serial, parallel / serial);
    }

    private static async Task<double> Measure(BenchContext context, int parallel)
    {
        await using var server = await SlowJudgeServer.StartAsync(Latency);
        using var client = new ChatJudgeClient(new JudgeClientOptions { BaseUrl = server.BaseUrl, Model = "slow-judge" });
        using var cache = new VerdictCache(Path.Combine(context.ScratchDirectory, $"judge-parallel-{parallel}.sqlite"));
        var run = new JudgeRun([client], JudgeTemplate.Load(null), cache, new JudgeRunOptions { Baseline = "baseline", Parallel = parallel });
        await run.RunAsync(Plan("warm-up", parallel));
        var watch = Stopwatch.StartNew();
        var result = await run.RunAsync(Plan("timed", Instructions));
        var seconds = watch.Elapsed.TotalSeconds;
        var rate = result.Report.Asked / seconds;
        context.Log($"--parallel {parallel}: {result.Report.Asked} questions in {seconds:F2} s = {rate:F1} questions/s");
        return rate;
    }

    private static IReadOnlyList<JudgeQuestion> Plan(string name, int instructions) => JudgeQuestion.Plan(Enumerable.Range(0, instructions)
        .SelectMany(i => new[]
        {
            new ModelOutput($"q{i}", $"{name} question {i}?", "baseline", $"baseline answer {i}"),
            new ModelOutput($"q{i}", $"{name} question {i}?", "model", $"model answer {i}"),
        }).ToList(), "baseline");
}
