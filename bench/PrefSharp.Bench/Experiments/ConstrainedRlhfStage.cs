using PrefSharp.Recipes.Demo;
using PrefSharp.Recipes.Demo.Stages;
using PrefSharp.Torch.Rewards.Shaping;
using PrefSharp.Torch.Rewards.Sources;

namespace PrefSharp.Bench.Experiments;

/// <summary>
/// Constrained RLHF (Moskovitz et al. 2024, §4) on the demo's reward model: GRPO on the RM alone, then GRPO on the RM
/// with the constraint E[r] ≤ θ, θ its "proxy point": the proxy reward of the first run's training curve where its
/// gold peaked (the paper finds the thresholds from earlier runs in the same way). Metrics: each run's held-out gold at
/// the end, its last-window proxy minus θ, and its gold drop after the peak; the constrained run's final λ.
/// </summary>
internal sealed class ConstrainedRlhfStage(GrpoDemoSettings settings, double learningRate) : IDemoStage
{
    public string Name => "constrained";

    public DemoStage Run(DemoContext context)
    {
        var sft = context.Products.SftCheckpoint ?? throw new InvalidOperationException("the sft stage did not run");
        using var proxy = GrpoDemoProxy.For(context);
        var metrics = new Dictionary<string, double>();
        var single = GrpoDemoRun.Run(context, "constrained-single", sft, proxy.Source, settings);
        var threshold = single.Curve.MaxBy(p => p.Gold)!.Proxy;
        var constrained = new CompositeRewardSource([proxy.Source],
            new CompositeRewardOptions { Constraints = [new RewardConstraint(0, threshold)], ConstraintLearningRate = learningRate });
        var run = GrpoDemoRun.Run(context, "constrained-lagrange", sft, constrained, settings);
        metrics["threshold"] = threshold;
        metrics["constrained/final_lambda"] = constrained.Multipliers[0];
        foreach (var (name, result) in new[] { ("single", single), ("constrained", run) })
        {
            var held = new Dictionary<string, double>();
            GrpoDemoRun.HeldOut(context, result, sft, proxy.Source, settings, held);
            metrics[$"{name}/gold_at_end"] = held["heldout_gold_final"];
            metrics[$"{name}/proxy_minus_threshold_at_end"] = result.Curve[^1].Proxy - threshold;
            metrics[$"{name}/gold_drop_after_peak"] = result.Curve.Max(p => p.Gold) - result.Curve[^1].Gold;
        }
        return new DemoStage { Name = Name, Status = DemoStageStatus.Ok, Metrics = metrics };
    }
}
