using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Recipes.Demo;
using PrefSharp.Recipes.Demo.Stages;

namespace PrefSharp.Bench.Experiments;

/// <summary>
/// Runs one gym stage after the quick demo's sft and reward-model stages, once per seed, and collects each of its
/// metrics across seeds (for <see cref="SeedStatistics"/>). The worlds come from PREFSHARP_BENCH_WORLDS (default lexicon),
/// the number of seeds from PREFSHARP_BENCH_SEEDS (default 3, at least 2).
/// </summary>
public static class SeededDemoStage
{
    public static IEnumerable<string> Worlds => Environment.GetEnvironmentVariable("PREFSHARP_BENCH_WORLDS")?.Split(',') ?? ["lexicon"];

    /// <summary>Metric → its value at each seed, for <paramref name="stage"/> (named <paramref name="stageName"/> in the run's summary).</summary>
    public static Dictionary<string, List<double>> Collect(BenchContext context, string world, Func<IDemoStage> stage, string stageName)
    {
        var seeds = int.TryParse(Environment.GetEnvironmentVariable("PREFSHARP_BENCH_SEEDS"), out var n) && n >= 2 ? n : 3;
        var values = new Dictionary<string, List<double>>();
        for (var seed = context.Seed; seed < context.Seed + seeds; seed++)
        {
            var summary = DemoPipeline.Run(new DemoOptions
            {
                World = WorldCatalog.Get(world), Quick = true, Seed = seed, OutputFolder = Path.Combine(context.ScratchDirectory, $"{world}-{seed}"),
            }, [new SftStage(), new RewardModelStage(), stage()]);
            var result = summary.Stages.Single(s => s.Name == stageName);
            if (result.Status != DemoStageStatus.Ok) throw new InvalidOperationException($"{world} seed {seed}: {result.Narrative}");
            foreach (var (key, value) in result.Metrics) (values.TryGetValue(key, out var list) ? list : values[key] = []).Add(value);
            context.Log($"{world} seed {seed}: " + string.Join("; ", result.Metrics.Select(m => $"{m.Key} {m.Value:F3}")));
        }
        return values;
    }

    /// <summary>Each metric's mean ± SE over seeds, logged and as results (bound 0, ratio mean / SE).</summary>
    public static IEnumerable<BenchResult> Summaries(BenchContext context, string bench, string world, Dictionary<string, List<double>> values,
        Func<string, string> unit)
    {
        foreach (var (key, list) in values)
        {
            var (mean, se) = SeedStatistics.Summarise(list);
            context.Log($"{world} {key}: {mean:+0.000;-0.000} ± {se:F3} over {list.Count} seeds");
            yield return new BenchResult(bench, $"{world}/{key}", mean, unit(key), 0, se > 0 ? mean / se : double.NaN);
        }
    }
}
