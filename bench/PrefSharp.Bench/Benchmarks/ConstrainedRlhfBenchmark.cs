using PrefSharp.Bench.Experiments;
using PrefSharp.Recipes.Demo.Stages;
using PrefSharp.Torch.Runtime;

namespace PrefSharp.Bench.Benchmarks;

/// <summary>
/// Does a constrained run keep its reward under the threshold while gold holds (Moskovitz et al. 2024)? Over seeds of
/// the quick demo's sft and reward-model stages, <see cref="ConstrainedRlhfStage"/>: mean ± SE of each metric, and the
/// paired claims "constrained ends with more gold" and "constrained drops less after its peak" against the
/// unconstrained run (<see cref="SeedStatistics.Compare"/>). World: PREFSHARP_BENCH_WORLDS (default lexicon), seeds:
/// PREFSHARP_BENCH_SEEDS (default 3), η: PREFSHARP_BENCH_CONSTRAINT_LR (default 0.5).
/// </summary>
public sealed class ConstrainedRlhfBenchmark : IBenchmark
{
    public string Name => "online-constrained";

    public string Description => "gym: GRPO on the RM vs GRPO with E[r] ≤ its proxy point by a Lagrange multiplier: final proxy vs threshold, gold at the end, mean ± SE over seeds";

    public IEnumerable<BenchResult> Run(BenchContext context)
    {
        TorchRuntime.EnsureInitialized();
        var eta = double.TryParse(Environment.GetEnvironmentVariable("PREFSHARP_BENCH_CONSTRAINT_LR"), System.Globalization.CultureInfo.InvariantCulture, out var l) ? l : 0.5;
        foreach (var name in SeededDemoStage.Worlds)
        {
            var values = SeededDemoStage.Collect(context, name, () => new ConstrainedRlhfStage(GrpoDemoSettings.Quick with { Variants = false }, eta), "constrained");
            foreach (var result in SeededDemoStage.Summaries(context, Name, name, values, key => key.Contains("lambda") ? "multiplier" : "gold utility")) yield return result;
            var gold = SeedStatistics.Compare(values["constrained/gold_at_end"], values["single/gold_at_end"]);
            var drop = SeedStatistics.Compare(values["single/gold_drop_after_peak"], values["constrained/gold_drop_after_peak"]);
            context.Log($"{name} constrained vs single: more gold at the end {gold.Verdict} ({gold.Difference:+0.000;-0.000} ± {gold.StandardError:F3}); "
                + $"smaller drop after the peak {drop.Verdict} ({drop.Difference:+0.000;-0.000} ± {drop.StandardError:F3})");
        }
    }
}
