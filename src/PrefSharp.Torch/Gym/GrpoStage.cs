using PrefSharp.Core.Gym.Demo;

namespace PrefSharp.Torch.Gym;

/// <summary>
/// Demo stage "grpo": GRPO (Shao et al. 2024) from the SFT policy against the pointwise proxy reward
/// (<see cref="GrpoDemoProxy"/>: the reward-model stage's model, or a bag-of-words fallback). Reports gold, proxy and
/// KL along training (the over-optimisation curve, Gao et al. 2023) and hands its curve to pref-grpo as
/// <c>Items["grpo.curve"]</c> so the report shows both side by side.
/// </summary>
public sealed class GrpoStage(GrpoDemoSettings? settings = null) : IDemoStage
{
    /// <summary>The key of the SFT policy folder.</summary>
    public const string SftKey = "sft.checkpoint";

    /// <summary>The key of this stage's curve (IReadOnlyList of <see cref="GrpoCurvePoint"/>).</summary>
    public const string CurveKey = "grpo.curve";

    public string Name => "grpo";

    public DemoStage Run(DemoContext context)
    {
        if (!context.Items.TryGetValue(SftKey, out var item) || item is not string sft)
            return DemoStage.NotAvailable(Name, "GRPO starts from the SFT policy, and the sft stage did not run or failed.");
        var s = settings ?? (context.Quick ? GrpoDemoSettings.Quick : GrpoDemoSettings.Default);
        using var proxy = GrpoDemoProxy.For(context);
        var run = GrpoDemoRun.Run(context, Name, sft, proxy.Source, s);
        context.Items[CurveKey] = run.Curve;
        context.Items["grpo.checkpoint"] = run.PolicyFolder;
        var last = run.Curve[^1];
        return new DemoStage
        {
            Name = Name,
            Status = DemoStageStatus.Ok,
            GoldUtility = last.Gold,
            ProxyReward = last.Proxy,
            Kl = last.Kl,
            Metrics = GrpoDemoReport.Metrics(run.Curve, run),
            Narrative = $"{proxy.Description} GRPO sampled {s.GroupSize} completions for each of {s.PromptsPerStep} fresh prompts per step " +
                $"({s.Steps} steps, {s.Iterations} updates per rollout, β = {s.Beta}) and normalised the proxy rewards within each group. " +
                "Numbers are means over the policy's own samples in each window of steps. " + GrpoDemoReport.Describe("GRPO", run.Curve),
            Charts = [GrpoDemoReport.Chart("GRPO on the proxy reward: gold and proxy against KL", ("GRPO", run.Curve))],
        };
    }
}
