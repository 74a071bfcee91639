using System.Globalization;
using PrefSharp.Bench.Experiments;
using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Torch.Runtime;

namespace PrefSharp.Bench.Benchmarks;

/// <summary>
/// Chen et al. 2024 in the gym (<see cref="GymRankingAccuracyExperiment"/>): after DPO, the ranking accuracy on the
/// training pairs and on held-out gold pairs (value) against the idealised ranking accuracy of the exact DPO optimum
/// from the same reference (bound); ratio = value / bound, and the alignment gap is bound − value. The reference's own
/// ranking accuracy and the implicit reward accuracy are reported as well. Environment: PREFSHARP_BENCH_WORLDS
/// (default sorting), PREFSHARP_BENCH_SEEDS (default 1), PREFSHARP_BENCH_STEPS (default 300), PREFSHARP_BENCH_PROMPTS (default 200).
/// </summary>
public sealed class GymRankingAccuracyBenchmark : IBenchmark
{
    private const double Beta = 0.1;

    public string Name => "gym-ranking-accuracy";

    public string Description => "gym: DPO ranking accuracy (train, held-out gold) vs the idealised ranking accuracy of the DPO optimum (Chen et al. 2024)";

    public IEnumerable<BenchResult> Run(BenchContext context)
    {
        TorchRuntime.EnsureInitialized();
        int Setting(string name, int fallback) => int.TryParse(Environment.GetEnvironmentVariable(name), out var v) && v > 0 ? v : fallback;
        var names = Environment.GetEnvironmentVariable("PREFSHARP_BENCH_WORLDS")?.Split(',') ?? ["sorting"];
        var (seeds, steps, prompts) = (Setting("PREFSHARP_BENCH_SEEDS", 1), Setting("PREFSHARP_BENCH_STEPS", 300), Setting("PREFSHARP_BENCH_PROMPTS", 200));
        foreach (var name in names)
            for (var s = 0; s < seeds; s++)
            {
                var seed = context.Seed + 100 * s;
                var (before, train, heldOut) = new GymRankingAccuracyExperiment(WorldCatalog.Get(name), prompts, seed).Run(steps, Beta, context.ScratchDirectory);
                var tag = $"{name}/seed{seed}";
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{tag} before: {before.Summary()}"));
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{tag} after {steps} steps, train: {train.Summary()}"));
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{tag} held-out gold: {heldOut.Summary()}"));
                foreach (var (set, report) in new[] { ("train", train), ("held_out", heldOut) })
                {
                    yield return new BenchResult(Name, $"{tag}/{set}/ranking_accuracy", report.RankingAccuracy, "share", report.IdealisedRankingAccuracy,
                        report.RankingAccuracy / report.IdealisedRankingAccuracy);
                    yield return new BenchResult(Name, $"{tag}/{set}/reference_ranking_accuracy", report.ReferenceRankingAccuracy, "share",
                        report.IdealisedRankingAccuracy, report.ReferenceRankingAccuracy / report.IdealisedRankingAccuracy);
                    yield return new BenchResult(Name, $"{tag}/{set}/implicit_reward_accuracy", report.RewardAccuracy, "share", 1, report.RewardAccuracy);
                }
            }
    }
}
