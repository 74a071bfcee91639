using System.Globalization;
using static PrefSharp.Bench.SeedStatistics;

namespace PrefSharp.Bench.Benchmarks;

/// <summary>
/// The output of <see cref="GymRewardModelBenchmark"/> for one world: JSON results (mean over seeds, "_se" its standard
/// error; best-of-N only at N = 1, 2, 4, …; "claim/…" paired differences) and, on stderr, the table row, the best-of-N curves and one verdict per claim.
/// </summary>
public static class GymRewardModelReport
{
    /// <summary>The per-seed metric name of the best-of-N gold at N for an aggregation kind.</summary>
    public static string BestOfNMetric(string kind, int n) => $"bo{n}_gold_{kind}";

    /// <summary>The per-seed metric name of a noisy-label recipe's gold accuracy at 20 % flips.</summary>
    public static string NoisyMetric(string recipe) => $"flip20_{recipe}";

    private static bool IsBestOfN(string metric, out int n)
    {
        n = 0;
        var underscore = metric.IndexOf('_');
        return metric.StartsWith("bo", StringComparison.Ordinal) && underscore > 2 && int.TryParse(metric[2..underscore], out n);
    }

    /// <summary>The results and log lines of one world; <paramref name="values"/> maps metric → per-seed values.</summary>
    public static IEnumerable<BenchResult> Write(BenchContext context, string bench, string world, IReadOnlyDictionary<string, List<double>> values, int bestOfN)
    {
        var results = new List<BenchResult>();
        foreach (var (metric, list) in values.Where(v => !IsBestOfN(v.Key, out var n) || (n & (n - 1)) == 0))
        {
            var (mean, se) = Summarise(list);
            var unit = metric.StartsWith("bo", StringComparison.Ordinal) ? "gold utility" : metric.EndsWith("fits_flips", StringComparison.Ordinal) ? "share of flipped pairs" : "accuracy";
            results.Add(new BenchResult(bench, $"{world}/{metric}", mean, unit, mean, 1));
            results.Add(new BenchResult(bench, $"{world}/{metric}_se", se, unit, mean, mean == 0 ? 0 : se / mean));
        }
        string F(string metric) => Format(values[metric]);
        var kinds = new[] { "single", "mean", "wco", "uwo" };
        context.Log($"| {world} | rm {F("rm")} | length {F("length")} | bow {F("bow")} | 20% flips: " +
            string.Join(" / ", Experiments.GymRewardExperiment.NoisyRecipes.Select(r => $"{r} {F(NoisyMetric(r))}")) + " | " +
            $"Bo{bestOfN} gold single {F(BestOfNMetric("single", bestOfN))} / wco {F(BestOfNMetric("wco", bestOfN))} / uwo {F(BestOfNMetric("uwo", bestOfN))} |");
        foreach (var kind in kinds)
        {
            var curve = Enumerable.Range(1, bestOfN).Select(n => values[BestOfNMetric(kind, n)].Average()).ToArray();
            var peak = Array.IndexOf(curve, curve.Max());
            var shown = Enumerable.Range(0, 31).Select(b => 1 << b).TakeWhile(n => n <= bestOfN);
            context.Log(string.Create(CultureInfo.InvariantCulture,
                $"{world} best-of-N gold ({kind}, mean over seeds): {string.Join(", ", shown.Select(n => $"N={n} {curve[n - 1]:F3}"))}; " +
                $"peak at N = {peak + 1} ({curve[peak]:F3}), drop from the peak to N = {bestOfN}: {curve[peak] - curve[^1]:F3}"));
        }

        var baseline = values["length"].Zip(values["bow"], Math.Max).ToList();
        results.Add(Claim(context, bench, world, "rm_beats_length_and_bow", "the reward model beats max(length, bag-of-words)", values["rm"], baseline));
        foreach (var recipe in Experiments.GymRewardExperiment.NoisyRecipes.Skip(1))
            results.Add(Claim(context, bench, world, $"{recipe}_beats_bt_at_20pct_flips", $"{recipe} keeps more accuracy than Bradley–Terry at 20% flips",
                values[NoisyMetric(recipe)], values[NoisyMetric("bt")]));
        foreach (var kind in new[] { "wco", "uwo" })
            results.Add(Claim(context, bench, world, $"{kind}_beats_single_at_bo{bestOfN}", $"{kind.ToUpperInvariant()} picks better gold than one model at N = {bestOfN}",
                values[BestOfNMetric(kind, bestOfN)], values[BestOfNMetric("single", bestOfN)]));
        return results;
    }

    private static BenchResult Claim(BenchContext context, string bench, string world, string metric, string text, IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        var (verdict, difference, se) = Compare(a, b);
        context.Log(string.Create(CultureInfo.InvariantCulture,
            $"claim [{world}] {text}: {(verdict == "holds" ? "HOLDS" : "FAILS (" + verdict + ")")}: {Format(a)} vs {Format(b)}, paired difference {difference:+0.000;-0.000} ± {se:F3} over {a.Count} seeds"));
        return new BenchResult(bench, $"{world}/claim/{metric}", difference, "paired mean difference (holds if > bound = 2 SE)", 2 * se,
            se > 0 ? difference / (2 * se) : 0);
    }
}
