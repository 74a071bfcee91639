using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Recipes.Demo;
using PrefSharp.Recipes.Demo.Stages;
using PrefSharp.Torch.Runtime;

namespace PrefSharp.Bench.Benchmarks;

/// <summary>
/// GRPO (pointwise reward) and Pref-GRPO (group win rates) over several seeds of the quick demo (sft → reward model →
/// grpo → pref-grpo, equal budgets): held-out gold of the policy kept at the KL budget and of the policy at the end of
/// the budget, each minus the SFT policy's on the same prompts and seed, as mean ± standard error over seeds (bound:
/// 0, the SFT policy; ratio: mean / SE, a t statistic). Also Pref-GRPO minus GRPO at the budget (the matched-KL
/// comparison), and the grpo stage's variants at equal budget (worst-case ensemble of the reward-model stage's three
/// members, Coste et al. 2024; PAR, Fu et al. 2025) minus plain GRPO in training-sample gold at the largest KL all three
/// reached and at the end. Worlds: PREFSHARP_BENCH_WORLDS (default lexicon), seeds: PREFSHARP_BENCH_SEEDS (default 5).
/// About 40 s per seed and world on two idle cores.
/// </summary>
public sealed class OnlineKlBudgetBenchmark : IBenchmark
{
    public string Name => "online-kl-budget";

    public string Description => "gym: held-out gold gain over SFT of GRPO and Pref-GRPO at the KL budget and at the end of the budget, mean ± SE over seeds";

    public IEnumerable<BenchResult> Run(BenchContext context)
    {
        TorchRuntime.EnsureInitialized();
        var worlds = Environment.GetEnvironmentVariable("PREFSHARP_BENCH_WORLDS")?.Split(',') ?? ["lexicon"];
        var seeds = int.TryParse(Environment.GetEnvironmentVariable("PREFSHARP_BENCH_SEEDS"), out var n) && n >= 2 ? n : 5;
        foreach (var name in worlds)
        {
            var world = WorldCatalog.Get(name);
            var gains = new Dictionary<string, List<double>>();
            for (var seed = context.Seed; seed < context.Seed + seeds; seed++)
            {
                var summary = DemoPipeline.Run(new DemoOptions { World = world, Quick = true, Seed = seed, OutputFolder = Path.Combine(context.ScratchDirectory, $"{name}-{seed}") },
                    [new SftStage(), new RewardModelStage(), new GrpoStage(), new PrefGrpoStage()]);
                var rows = summary.Stages.ToDictionary(s => s.Name);
                if (rows.Values.FirstOrDefault(r => r.Status != DemoStageStatus.Ok) is { } failed)
                    throw new InvalidOperationException($"{name} seed {seed}: stage {failed.Name} did not finish: {failed.Narrative}");
                var sft = rows["sft"].GoldUtility!.Value;
                void Add(string key, double value) => (gains.TryGetValue(key, out var list) ? list : gains[key] = []).Add(value);
                foreach (var stage in new[] { "grpo", "pref-grpo" })
                {
                    var row = rows[stage];
                    Add($"{stage}/gold_gain_at_budget", row.GoldUtility!.Value - sft);
                    Add($"{stage}/gold_gain_at_end", row.Metrics["heldout_gold_final"] - sft);
                    Add($"{stage}/kl_at_budget", row.Kl!.Value);
                    Add($"{stage}/kl_at_end", row.Metrics["heldout_kl_final"]);
                }
                Add("pref-minus-grpo/gold_at_budget", rows["pref-grpo"].GoldUtility!.Value - rows["grpo"].GoldUtility!.Value);
                foreach (var variant in new[] { "wco", "par" })
                {
                    Add($"{variant}-minus-grpo/gold_at_matched_kl", rows["grpo"].Metrics[$"variants/{variant}_gold_at_matched_kl"] - rows["grpo"].Metrics["variants/plain_gold_at_matched_kl"]);
                    Add($"{variant}-minus-grpo/gold_at_end", rows["grpo"].Metrics[$"variants/{variant}_gold_end"] - rows["grpo"].Metrics["variants/plain_gold_end"]);
                    Add($"{variant}-minus-grpo/kl_at_end", rows["grpo"].Metrics[$"variants/{variant}_kl_end"] - rows["grpo"].Metrics["variants/plain_kl_end"]);
                }
                Add("pref-minus-grpo/gold_at_end", rows["pref-grpo"].Metrics["heldout_gold_final"] - rows["grpo"].Metrics["heldout_gold_final"]);
                context.Log($"{name} seed {seed}: sft {sft:F3}; " + string.Join("; ", gains.Select(g => $"{g.Key} {g.Value[^1]:+0.000;-0.000}")));
            }
            foreach (var (key, values) in gains)
            {
                var mean = values.Average();
                var se = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1) / values.Count);
                context.Log($"{name} {key}: {mean:+0.000;-0.000} ± {se:F3} over {values.Count} seeds");
                yield return new BenchResult(Name, $"{name}/{key}", mean, key.Contains("kl") ? "nats" : "gold utility", 0, se > 0 ? mean / se : double.NaN);
            }
        }
    }
}
