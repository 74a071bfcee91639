using PrefSharp.Bench.Experiments;
using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Recipes.GymRewards;
using PrefSharp.Torch.Runtime;

namespace PrefSharp.Bench.Benchmarks;

/// <summary>
/// The reward-model claims of issue 6 on every gym world (<see cref="GymRewardExperiment"/>, its default data recipe and
/// a per-world step budget, <see cref="Budget"/>), over seeds: held-out gold accuracy of the reward model vs the
/// length-only and bag-of-words Bradley–Terry baselines; at 20 % flipped labels, Bradley–Terry vs the de-biased loss,
/// the flip-aware likelihood and peer review (<see cref="GymRewardExperiment.NoisyRecipes"/>; and the share of flipped
/// pairs each memorised); best-of-N gold for N = 1..64 of one model vs a 3-member ensemble under mean, WCO and
/// UWO. Each number is the mean over seeds; "_se" lines give its standard error; "claim/…" lines give the paired mean
/// difference (value) against twice its standard error (bound). The table and one verdict line per claim and world go
/// to stderr. Environment: PREFSHARP_BENCH_WORLDS=lexicon,sorting, PREFSHARP_BENCH_SEEDS (default 3),
/// PREFSHARP_BENCH_THREADS (libtorch intra-op threads, default 1).
/// </summary>
public sealed class GymRewardModelBenchmark : IBenchmark
{
    private const int Members = 3;
    private const int BestOfN = 64;
    private const int BestOfNPrompts = 200;

    public string Name => "gym-reward-model";

    public string Description => "gym worlds over seeds: RM vs length/bag-of-words gold accuracy, BT vs debiased/flip-aware/peer review at 20% flips, ensemble vs single best-of-N gold";

    /// <summary>
    /// Optimiser steps per world, chosen on a validation split of the TRAINING prompts (clean panel labels, seed 1,
    /// budgets 1,000 / 2,000 / 4,000, the best kept; docs/papers.md, "Gym reward models under flipped labels"): lexicon
    /// and intransitive keep improving to 4,000, pluralistic peaks at 2,000, the byte-level sorting world over-fits after 1,000.
    /// </summary>
    public static int Budget(string world) => world switch
    {
        "sorting" => 1000,
        "pluralistic" => 2000,
        _ => 4000,
    };

    public IEnumerable<BenchResult> Run(BenchContext context)
    {
        TorchRuntime.EnsureInitialized();
        // One intra-op thread by default: the tiny models gain nothing from more, and lose 10-50x when the cores are shared.
        TorchSharp.torch.set_num_threads(int.TryParse(Environment.GetEnvironmentVariable("PREFSHARP_BENCH_THREADS"), out var threads) && threads > 0 ? threads : 1);
        var names = Environment.GetEnvironmentVariable("PREFSHARP_BENCH_WORLDS")?.Split(',') ?? ["sorting", "lexicon", "pluralistic", "intransitive"];
        var seeds = int.TryParse(Environment.GetEnvironmentVariable("PREFSHARP_BENCH_SEEDS"), out var k) && k > 0 ? k : 3;
        foreach (var name in names)
        {
            var world = WorldCatalog.Get(name);
            var values = new Dictionary<string, List<double>>();
            void Add(string metric, double value) => (values.TryGetValue(metric, out var list) ? list : values[metric] = []).Add(value);
            for (var s = 0; s < seeds; s++)
            {
                var seed = context.Seed + 100 * s;
                var watch = System.Diagnostics.Stopwatch.StartNew();
                var experiment = new GymRewardExperiment(world, seed: seed);
                var options = new GymRewardOptions { Seed = seed, OutputDirectory = context.ScratchDirectory, Steps = Budget(name) };
                var ensemble = experiment.TrainEnsemble(Members, options);
                try
                {
                    var (rm, length, bag) = experiment.Accuracies(ensemble[0]);
                    Add("rm", rm); Add("length", length); Add("bow", bag);
                    foreach (var (kind, curve) in experiment.BestOfN(ensemble, BestOfNPrompts, BestOfN))
                        for (var n = 1; n <= BestOfN; n++) Add(GymRewardModelReport.BestOfNMetric(kind, n), curve[n - 1]);
                }
                finally
                {
                    foreach (var member in ensemble) member.Dispose();
                }
                var noisy = experiment.NoisyAccuracies(0.2, options);
                foreach (var (recipe, accuracy) in noisy)
                {
                    Add(GymRewardModelReport.NoisyMetric(recipe), accuracy.Gold);
                    Add(GymRewardModelReport.NoisyMetric(recipe) + "_fits_flips", accuracy.FitsFlips);
                }
                context.Log($"{name} seed {seed}: {experiment.Train.Count} panel-labelled training pairs, {experiment.Gold.Count} held-out gold pairs, {options.Steps} steps, " +
                    $"rm {values["rm"][^1]:F3}, length {values["length"][^1]:F3}, bow {values["bow"][^1]:F3}, 20% flips " +
                    string.Join(", ", noisy.Select(n => $"{n.Key} {n.Value.Gold:F3}")) + " (flipped pairs fitted: " +
                    string.Join(", ", noisy.Select(n => $"{n.Key} {n.Value.FitsFlips:F3}")) + "); best-of-N gold at N = 1, 4, 16, 64: " +
                    string.Join("; ", new[] { "single", "mean", "wco", "uwo" }.Select(kind => kind + " " + string.Join(" ",
                        new[] { 1, 4, 16, 64 }.Select(n => values[GymRewardModelReport.BestOfNMetric(kind, n)][^1].ToString("F3"))))) +
                    $" ({watch.Elapsed.TotalSeconds:F0}s)");
            }
            foreach (var result in GymRewardModelReport.Write(context, Name, name, values, BestOfN)) yield return result;
        }
    }
}
