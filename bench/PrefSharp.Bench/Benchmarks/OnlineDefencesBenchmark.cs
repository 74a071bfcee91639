using PrefSharp.Bench.Experiments;
using PrefSharp.Recipes.Demo.Stages;
using PrefSharp.Torch.Runtime;

namespace PrefSharp.Bench.Benchmarks;

/// <summary>
/// Does each defence against reward hacking do what its paper claims? Over seeds of the quick demo's sft and
/// reward-model stages, GRPO on the single RM, WCO and UWO ensembles, PAR and the log-sigmoid transform
/// (<see cref="OnlineDefencesStage"/>), same prompts and budget. Reported per variant as mean ± SE over seeds: held-out
/// gold at the KL budget and at the end, and the training curve's gold drop after its peak (over-optimisation, Gao et
/// al. 2023); and the paired claims "the defence keeps more gold at the budget" and "it drops less after its peak"
/// against the single RM with their verdicts (<see cref="SeedStatistics.Compare"/>; bound 0, ratio mean / SE). World: PREFSHARP_BENCH_WORLDS (default lexicon), seeds: PREFSHARP_BENCH_SEEDS (default 3), UWO λ:
/// PREFSHARP_BENCH_UWO_LAMBDA (default 1).
/// </summary>
public sealed class OnlineDefencesBenchmark : IBenchmark
{
    public string Name => "online-defences";

    public string Description => "gym: GRPO on single RM vs WCO / UWO ensembles vs PAR vs log-sigmoid: gold at the KL budget and gold drop after the peak, mean ± SE over seeds";

    public IEnumerable<BenchResult> Run(BenchContext context)
    {
        TorchRuntime.EnsureInitialized();
        var lambda = double.TryParse(Environment.GetEnvironmentVariable("PREFSHARP_BENCH_UWO_LAMBDA"), System.Globalization.CultureInfo.InvariantCulture, out var l) ? l : 1.0;
        foreach (var name in SeededDemoStage.Worlds)
        {
            var values = SeededDemoStage.Collect(context, name, () => new OnlineDefencesStage(GrpoDemoSettings.Quick with { Variants = false }, lambda), "defences");
            foreach (var result in SeededDemoStage.Summaries(context, Name, name, values, key => key.Contains("kl") ? "nats" : "gold utility")) yield return result;
            foreach (var variant in OnlineDefencesStage.Variants.Skip(1))
            {
                // Claims, from paired seeds (SeedStatistics.Compare): the defence keeps more gold at the budget, and drops less after its peak.
                var atBudget = SeedStatistics.Compare(values[$"{variant}/gold_at_budget"], values["single/gold_at_budget"]);
                var drop = SeedStatistics.Compare(values["single/gold_drop_after_peak"], values[$"{variant}/gold_drop_after_peak"]);
                context.Log($"{name} {variant} vs single: more gold at the budget {atBudget.Verdict} ({atBudget.Difference:+0.000;-0.000} ± {atBudget.StandardError:F3}); "
                    + $"smaller drop after the peak {drop.Verdict} ({drop.Difference:+0.000;-0.000} ± {drop.StandardError:F3})");
                yield return new BenchResult(Name, $"{name}/{variant}-minus-single/gold_at_budget", atBudget.Difference, "gold utility", 0,
                    atBudget.StandardError > 0 ? atBudget.Difference / atBudget.StandardError : double.NaN);
                yield return new BenchResult(Name, $"{name}/single-minus-{variant}/gold_drop_after_peak", drop.Difference, "gold utility", 0,
                    drop.StandardError > 0 ? drop.Difference / drop.StandardError : double.NaN);
            }
        }
    }
}
