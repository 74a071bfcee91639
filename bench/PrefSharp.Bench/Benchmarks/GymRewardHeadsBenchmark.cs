using System.Globalization;
using PrefSharp.Bench.Experiments;
using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Recipes.GymRewards;
using PrefSharp.Torch.Runtime;
using PrefSharp.Torch.Training.Reward;

namespace PrefSharp.Bench.Benchmarks;

/// <summary>
/// Reward heads beyond Bradley–Terry, over seeds (PREFSHARP_BENCH_SEEDS, default 3): (1) on the intransitive world,
/// held-out accuracy against the world's own preference of a General Preference Model (bound: a Bradley–Terry model
/// on the same pairs); (2) on the lexicon world with 4-way rankings, held-out gold accuracy of Plackett–Luce and
/// ListNet on the full orders (bound: Bradley–Terry on the top-versus-bottom pair of each list). Ratio = value / bound.
/// PREFSHARP_BENCH_PROMPTS (default 300) and PREFSHARP_BENCH_STEPS (default 300) set the budget. Minutes on two cores.
/// </summary>
public sealed class GymRewardHeadsBenchmark : IBenchmark
{
    public string Name => "gym-reward-heads";

    public string Description => "GPM vs BT on the intransitive world's preference; Plackett–Luce/ListNet vs BT top-vs-bottom on 4-way lexicon rankings";

    public IEnumerable<BenchResult> Run(BenchContext context)
    {
        TorchRuntime.EnsureInitialized();
        var seeds = Number("PREFSHARP_BENCH_SEEDS", 3);
        var prompts = Number("PREFSHARP_BENCH_PROMPTS", 300);
        var parts = Environment.GetEnvironmentVariable("PREFSHARP_BENCH_PARTS")?.Split(',') ?? ["gpm", "listwise"];
        for (var k = 0; k < seeds; k++)
        {
            var seed = context.Seed + k;
            var options = new GymRewardOptions { Steps = Number("PREFSHARP_BENCH_STEPS", 300), Seed = seed, OutputDirectory = context.ScratchDirectory };
            if (parts.Contains("gpm"))
            {
                var (bt, gpm) = new GymIntransitiveExperiment(new IntransitiveWorld(), prompts, seed: seed).Accuracies(options);
                context.Log($"seed {seed}: intransitive preference accuracy bt {bt:F3}, gpm {gpm:F3}");
                yield return new BenchResult(Name, $"intransitive/seed{seed}/gpm_preference_accuracy", gpm, "accuracy", bt, gpm / bt);
            }
            if (parts.Contains("listwise"))
            {
                var experiment = new GymListwiseExperiment(new LexiconWorld(), prompts, listSize: 4, seed: seed);
                foreach (var loss in new[] { ListwiseLossKind.PlackettLuce, ListwiseLossKind.ListNet })
                {
                    var (listwise, pairwise) = experiment.Accuracies(loss, options);
                    context.Log($"seed {seed}: lexicon gold accuracy {loss} {listwise:F3}, bt top-vs-bottom {pairwise:F3}");
                    yield return new BenchResult(Name, $"lexicon/seed{seed}/{loss}_gold_accuracy", listwise, "accuracy", pairwise, listwise / pairwise);
                }
            }
        }
    }

    private static int Number(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
