using PrefSharp.Bench.Experiments.MultiObjective;
using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Torch.Runtime;

namespace PrefSharp.Bench.Benchmarks;

/// <summary>
/// ArmoRM and DPA on the attributed gym worlds (<see cref="MultiObjectiveGymExperiment"/>), against held-out gold:
/// stage-1 correlation of each objective with its attribute (bound 1), the gate's mean weight per attribute and group
/// (bound: the world's normalised non-negative weight), and per group the accuracy of the gated reward (bound: the
/// group's own direction over the same objectives) and of each direction (bound: the gated reward); then the gated
/// reward's correlation with length and its accuracy after verbosity de-correlation (bounds: the values before).
/// Ratio = value / bound, 0 where the bound is 0. Worlds: PREFSHARP_BENCH_WORLDS. A few minutes on two cores.
/// </summary>
public sealed class GymMultiObjectiveBenchmark : IBenchmark
{
    public string Name => "gym-multi-objective";

    public string Description => "ArmoRM/DPA on lexicon and pluralistic: attribute recovery, gate weights vs the world's mixture, gated and directional gold accuracy";

    public IEnumerable<BenchResult> Run(BenchContext context)
    {
        TorchRuntime.EnsureInitialized();
        var names = Environment.GetEnvironmentVariable("PREFSHARP_BENCH_WORLDS")?.Split(',') ?? ["lexicon", "pluralistic"];
        var options = new MultiObjectiveGymOptions { Steps = 400, Seed = context.Seed };
        foreach (var name in names)
        {
            var world = WorldCatalog.Get(name) as IAttributedWorld ?? throw new ArgumentException($"{name} has no attribute decomposition");
            var experiment = new MultiObjectiveGymExperiment(world, prompts: 400, seed: context.Seed);
            using var model = experiment.TrainStage1(options);
            var correlations = experiment.AttributeCorrelations(model, options);
            foreach (var constant in Enumerable.Range(0, correlations.Length).Where(a => double.IsNaN(correlations[a])))
                context.Log($"{name}: {world.AttributeNames[constant]} is constant on the held-out responses (no correlation)");
            foreach (var a in Enumerable.Range(0, correlations.Length).Where(a => !double.IsNaN(correlations[a])))
                yield return new BenchResult(Name, $"{name}/r_{world.AttributeNames[a]}", correlations[a], "pearson", 1, correlations[a]);
            experiment.TrainStage2(model, options);
            var directions = experiment.Groups.Select(g => world.AttributeWeights(g)).ToArray();
            var before = new Dictionary<string, (double Length, double Accuracy)>();
            foreach (var group in experiment.Groups)
            {
                var label = group ?? "gold";
                var target = world.AttributeWeights(group).Select(w => Math.Max(0, w)).ToArray();
                var weights = experiment.MeanGatingWeights(model, group, options);
                for (var a = 0; a < weights.Length; a++)
                    yield return Result($"{name}/{label}/gate_{world.AttributeNames[a]}", weights[a], "weight", target[a] / target.Sum());
                var scores = experiment.Evaluate(model, group, options, directions);
                var own = scores.DirectionAccuracies[experiment.Groups.ToList().IndexOf(group)];
                yield return new BenchResult(Name, $"{name}/{label}/gated_accuracy", scores.GatedAccuracy, "accuracy", own, scores.GatedAccuracy / own);
                for (var d = 0; d < directions.Length; d++)
                    yield return new BenchResult(Name, $"{name}/{label}/direction_{experiment.Groups[d] ?? "gold"}_accuracy", scores.DirectionAccuracies[d],
                        "accuracy", scores.GatedAccuracy, scores.DirectionAccuracies[d] / scores.GatedAccuracy);
                before[label] = (scores.GatedLengthCorrelation, scores.GatedAccuracy);
            }
            var verbosity = name == "pluralistic" ? "brevity" : "concision";
            experiment.TrainStage2(model, options with { Gating = options.Gating with { VerbosityObjective = verbosity } });
            foreach (var group in experiment.Groups)
            {
                var label = group ?? "gold";
                var after = experiment.Evaluate(model, group, options);
                yield return Result($"{name}/{label}/decorrelated_length_corr", after.GatedLengthCorrelation, "pearson", before[label].Length);
                yield return Result($"{name}/{label}/decorrelated_gated_accuracy", after.GatedAccuracy, "accuracy", before[label].Accuracy);
            }
        }
    }

    private BenchResult Result(string metric, double value, string unit, double bound) =>
        new(Name, metric, value, unit, bound, bound == 0 ? 0 : value / bound);
}
