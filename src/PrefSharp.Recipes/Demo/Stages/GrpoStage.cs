namespace PrefSharp.Recipes.Demo.Stages;

/// <summary>
/// Demo stage "grpo": GRPO (Shao et al. 2024) from the SFT policy against the pointwise proxy reward
/// (<see cref="GrpoDemoProxy"/>: the reward-model stage's model, or a bag-of-words fallback). Reports gold, proxy and
/// KL along training (the over-optimisation curve, Gao et al. 2023) and hands its curve to pref-grpo as
/// <see cref="DemoProducts.GrpoCurve"/> so the report shows both side by side.
/// </summary>
public sealed class GrpoStage(GrpoDemoSettings? settings = null) : IDemoStage
{
    public string Name => "grpo";

    public DemoStage Run(DemoContext context)
    {
        if (context.Products.SftCheckpoint is not { } sft)
            return DemoStage.NotAvailable(Name, "GRPO starts from the SFT policy, and the sft stage did not run or failed.");
        var s = settings ?? (context.Quick ? GrpoDemoSettings.Quick : GrpoDemoSettings.Default);
        using var proxy = GrpoDemoProxy.For(context);
        var run = GrpoDemoRun.Run(context, Name, sft, proxy.Source, s);
        context.Products.GrpoCurve = run.Curve;
        context.RegisterPolicy(Name, run.PolicyFolder);
        var metrics = GrpoDemoReport.Metrics(run.Curve, run);
        var heldOut = GrpoDemoRun.HeldOut(context, run, sft, proxy.Source, s, metrics);
        var narrative = $"{proxy.Description} GRPO sampled {s.GroupSize} completions for each of {s.PromptsPerStep} fresh prompts per step " +
            $"({s.Steps} steps, {s.Iterations} updates per rollout, β = {s.Beta}) and normalised the proxy rewards within each group. " +
            "The curves are means over the policy's own training samples in each window of steps. " + GrpoDemoReport.Describe("GRPO", run.Curve) +
            " " + GrpoDemoReport.Kept(heldOut, metrics);
        var charts = new List<DemoChart> { GrpoDemoReport.Chart("GRPO on the proxy reward: gold and proxy against KL", ("GRPO", run.Curve)) };
        if (s.Variants) narrative += " " + Variants(context, sft, proxy, s, run.Curve, metrics, charts);
        return new DemoStage
        {
            Name = Name,
            Status = DemoStageStatus.Ok,
            GoldUtility = heldOut.GoldUtility,
            ProxyReward = heldOut.ProxyReward,
            Kl = heldOut.Kl,
            Metrics = metrics,
            Narrative = narrative,
            Charts = charts,
        };
    }

    /// <summary>
    /// GRPO on a worst-case ensemble (Coste et al. 2024) and on PAR (Fu et al. 2025), same budget; their gold curves
    /// beside plain GRPO's, and gold at the largest KL all runs reached. The proxy curves of the variants are their own
    /// aggregate (ensemble) or the raw proxy (PAR).
    /// </summary>
    private static string Variants(DemoContext context, string sft, GrpoDemoProxy proxy, GrpoDemoSettings s,
        IReadOnlyList<GrpoCurvePoint> plain, Dictionary<string, double> metrics, List<DemoChart> charts)
    {
        var runs = new List<(string Name, IReadOnlyList<GrpoCurvePoint> Curve)> { ("GRPO", plain) };
        if (proxy.WorstCaseEnsemble(context) is { } ensemble)
            runs.Add(("GRPO + WCO ensemble", GrpoDemoRun.Run(context, "grpo-wco", sft, ensemble, s).Curve));
        runs.Add(("GRPO + PAR", GrpoDemoRun.Run(context, "grpo-par", sft, proxy.PreferenceAsReward(context), s).Curve));
        var matched = runs.Min(r => r.Curve.Max(p => p.Kl));
        var parts = runs.Select(r =>
        {
            var key = r.Name == "GRPO" ? "plain" : r.Name.Contains("WCO") ? "wco" : "par";
            var at = GrpoDemoReport.GoldAtKl(r.Curve, matched);
            metrics[$"variants/{key}_gold_end"] = r.Curve[^1].Gold;
            metrics[$"variants/{key}_kl_end"] = r.Curve[^1].Kl;
            metrics[$"variants/{key}_gold_at_matched_kl"] = at;
            return string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{r.Name}: gold {r.Curve[^1].Gold:F3} at KL {r.Curve[^1].Kl:F2} by the end, {at:F3} at KL {matched:F2}");
        });
        charts.Add(new DemoChart("Conservative ensemble and PAR shaping: gold against KL (same budget)", "KL to the SFT policy (nats, sequence-level)",
            "mean gold utility of the policy's samples",
            runs.Select(r => new DemoSeries(r.Name, r.Curve.Select(p => p.Kl).ToArray(), r.Curve.Select(p => p.Gold).ToArray())).ToArray()));
        var plainAt = GrpoDemoReport.GoldAtKl(plain, matched);
        var tolerance = GrpoDemoReport.Tolerance(runs.Select(r => r.Curve));
        var verdicts = runs.Skip(1).Select(r =>
        {
            var delta = GrpoDemoReport.GoldAtKl(r.Curve, matched) - plainAt;
            var endDelta = r.Curve[^1].Gold - plain[^1].Gold;
            return string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{r.Name} {(Math.Abs(endDelta) <= tolerance ? "ended level with" : endDelta > 0 ? "kept more gold than" : "kept less gold than")} plain GRPO ({endDelta:+0.000;-0.000}) " +
                $"and {(Math.Abs(delta) <= tolerance ? "matched it" : delta > 0 ? "beat it" : "trailed it")} at equal KL ({delta:+0.000;-0.000})");
        });
        var parNote = " Under GRPO, PAR's σ(r − r_ref(x)) is monotone in r within each prompt's group and the group-std normalisation " +
            "rescales what is left, so PAR can only act through the shape of the squashing (the PAR paper uses PPO, which has no such normalisation).";
        return "With the same budget, " + string.Join("; ", parts) + ". " + string.Join("; ", verdicts) + $" (tolerance {tolerance:F3})." + parNote;
    }
}
