using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Torch.Gym;
using PrefSharp.Torch.Runtime;

namespace PrefSharp.Bench.Benchmarks;

/// <summary>
/// The reward-model table over every gym world (<see cref="GymRewardExperiment"/>): held-out gold accuracy of a tiny
/// trained reward model (bound: the better of the length and bag-of-words baselines), Bradley–Terry vs de-biased at
/// 20 % flipped labels (bound: Bradley–Terry), and best-of-16 gold utility of a single model vs a 3-member ensemble
/// under mean, WCO and UWO (bound: the single model). Ratio = value / bound. Worlds can be restricted with
/// PREFSHARP_BENCH_WORLDS=lexicon,sorting. Several minutes on two cores.
/// </summary>
public sealed class GymRewardModelBenchmark : IBenchmark
{
    public string Name => "gym-reward-model";

    public string Description => "gym worlds: RM vs length/bag-of-words gold accuracy, BT vs debiased at 20% flips, ensemble vs single best-of-16 gold";

    public IEnumerable<BenchResult> Run(BenchContext context)
    {
        TorchRuntime.EnsureInitialized();
        var names = Environment.GetEnvironmentVariable("PREFSHARP_BENCH_WORLDS")?.Split(',') ?? ["sorting", "lexicon", "pluralistic", "intransitive"];
        var options = new GymRewardOptions { Steps = 300, Seed = context.Seed, OutputDirectory = context.ScratchDirectory };
        foreach (var name in names)
        {
            var world = WorldCatalog.Get(name);
            var experiment = new GymRewardExperiment(world, prompts: 400, seed: context.Seed);
            context.Log($"{name}: {experiment.Train.Count} training pairs, {experiment.Gold.Count} held-out gold pairs");
            var (rm, length, bag) = experiment.Accuracies(options);
            var best = Math.Max(length, bag);
            yield return new BenchResult(Name, $"{name}/rm_gold_accuracy", rm, "accuracy", best, rm / best);
            yield return new BenchResult(Name, $"{name}/length_gold_accuracy", length, "accuracy", rm, length / rm);
            yield return new BenchResult(Name, $"{name}/bow_gold_accuracy", bag, "accuracy", rm, bag / rm);
            var (bt, debiased) = experiment.NoisyAccuracies(0.2, options);
            yield return new BenchResult(Name, $"{name}/flip20_bt_gold_accuracy", bt, "accuracy", rm, bt / rm);
            yield return new BenchResult(Name, $"{name}/flip20_debiased_gold_accuracy", debiased, "accuracy", bt, debiased / bt);
            var curves = experiment.BestOfN(3, 150, 16, options with { Steps = 200 });
            var single = curves["single"][^1];
            foreach (var (kind, curve) in curves)
            {
                context.Log($"{name} best-of-N gold ({kind}): {string.Join(" ", curve.Select(g => g.ToString("F3")))}");
                yield return new BenchResult(Name, $"{name}/bo16_gold_{kind}", curve[^1], "gold utility", single, curve[^1] / single);
            }
        }
    }
}
