using System.Globalization;
using PrefSharp.Torch.Rewards.Sources;

namespace PrefSharp.Recipes.Demo.Stages;

/// <summary>
/// Demo stage "pref-grpo": Pref-GRPO (Wang et al. 2025) with the same budget as "grpo", but each completion's reward is
/// its win rate in its group under the Bradley–Terry preference model of the same proxy, P(i ≻ j) = σ(r_i − r_j).
/// Pairwise win rates are bounded and only rank completions within a group, which the paper argues reduces reward
/// hacking (illusory advantages from tiny score gaps). The stage draws both over-optimisation curves side by side and
/// says, with numbers, whether the pairwise reward hacked less in this run.
/// </summary>
public sealed class PrefGrpoStage(GrpoDemoSettings? settings = null) : IDemoStage
{
    public string Name => "pref-grpo";

    public DemoStage Run(DemoContext context)
    {
        if (context.Products.SftCheckpoint is not { } sft)
            return DemoStage.NotAvailable(Name, "Pref-GRPO starts from the SFT policy, and the sft stage did not run or failed.");
        var s = settings ?? (context.Quick ? GrpoDemoSettings.Quick : GrpoDemoSettings.Default);
        using var proxy = GrpoDemoProxy.For(context);
        var run = GrpoDemoRun.Run(context, Name, sft, WinRateRewardSource.BradleyTerry(proxy.Source), s);
        context.RegisterPolicy(Name, run.PolicyFolder);
        var metrics = GrpoDemoReport.Metrics(run.Curve, run);
        var heldOut = GrpoDemoRun.HeldOut(context, run, sft, proxy.Source, s, metrics);
        var narrative = $"{proxy.Description} Pref-GRPO had the same budget as GRPO ({s.Steps} steps × {s.PromptsPerStep} prompts × {s.GroupSize} completions) " +
            "but rewarded each completion with its Bradley–Terry win rate σ(r_i − r_j) against the rest of its group. " + GrpoDemoReport.Describe("Pref-GRPO", run.Curve) + " " + GrpoDemoReport.Kept(heldOut, metrics);
        var charts = new List<DemoChart>();
        if (context.Products.GrpoCurve is { } grpo)
        {
            narrative += " " + Compare(grpo, run.Curve, metrics);
            charts.Add(GrpoDemoReport.Chart("Over-optimisation: GRPO (pointwise) vs Pref-GRPO (pairwise)", ("GRPO", grpo), ("Pref-GRPO", run.Curve)));
        }
        else
        {
            narrative += " The grpo stage did not run, so there is no pointwise curve to compare with.";
            charts.Add(GrpoDemoReport.Chart("Pref-GRPO on the proxy's win rates: gold and proxy against KL", ("Pref-GRPO", run.Curve)));
        }
        return new DemoStage
        {
            Name = Name, Status = DemoStageStatus.Ok, GoldUtility = heldOut.GoldUtility, ProxyReward = heldOut.ProxyReward, Kl = heldOut.Kl,
            Metrics = metrics, Narrative = narrative, Charts = charts,
        };
    }

    /// <summary>
    /// "Hacks less" = loses less gold after its peak and turns proxy gain into gold gain at least as well, at comparable
    /// KL. The verdict states the numbers whatever they say.
    /// </summary>
    private static string Compare(IReadOnlyList<GrpoCurvePoint> pointwise, IReadOnlyList<GrpoCurvePoint> pairwise, Dictionary<string, double> metrics)
    {
        static (double Drop, double GoldGain, double ProxyGain, double Kl) Of(IReadOnlyList<GrpoCurvePoint> c) =>
            (c.Max(p => p.Gold) - c[^1].Gold, c[^1].Gold - c[0].Gold, c[^1].Proxy - c[0].Proxy, c[^1].Kl);
        var (a, b) = (Of(pointwise), Of(pairwise));
        metrics["grpo_gold_end"] = pointwise[^1].Gold;
        metrics["grpo_gold_drop_after_peak"] = a.Drop;
        metrics["grpo_kl_end"] = a.Kl;
        var matchedKl = Math.Min(pointwise.Max(p => p.Kl), pairwise.Max(p => p.Kl));
        var (goldA, goldB) = (GrpoDemoReport.GoldAtKl(pointwise, matchedKl), GrpoDemoReport.GoldAtKl(pairwise, matchedKl));
        metrics["matched_kl"] = matchedKl;
        metrics["gold_at_matched_kl"] = goldB;
        metrics["grpo_gold_at_matched_kl"] = goldA;
        var tolerance = GrpoDemoReport.Tolerance([pointwise, pairwise]);
        metrics["tie_tolerance"] = tolerance;
        var lessHacking = b.Drop < a.Drop - tolerance || (Math.Abs(b.Drop - a.Drop) <= tolerance && b.GoldGain > a.GoldGain + tolerance);
        var similar = Math.Abs(b.Drop - a.Drop) <= tolerance && Math.Abs(b.GoldGain - a.GoldGain) <= tolerance;
        var verdict = similar ? "Neither hacked more than the other in this run"
            : lessHacking ? "In this run the pairwise reward hacked less" : "In this run the pairwise reward did not hack less";
        return string.Create(CultureInfo.InvariantCulture,
            $"{verdict}: gold lost after its peak {b.Drop:F3} (Pref-GRPO) vs {a.Drop:F3} (GRPO); gold gain {b.GoldGain:+0.000;-0.000} vs {a.GoldGain:+0.000;-0.000} " +
            $"for proxy gains {b.ProxyGain:+0.00;-0.00} vs {a.ProxyGain:+0.00;-0.00}, at KL {b.Kl:F2} vs {a.Kl:F2} nats. ") +
            string.Create(CultureInfo.InvariantCulture, $"At equal KL ({matchedKl:F2} nats, the furthest both reached) the gold utility was {goldB:F3} (Pref-GRPO) vs {goldA:F3} (GRPO)") +
            (Math.Abs(goldB - goldA) <= tolerance
                ? string.Create(CultureInfo.InvariantCulture, $": the same within {tolerance:F3} (2 % of the gold range), so any difference above comes from how far each moved, not from a better direction.")
                : goldB > goldA ? ": at equal KL the pairwise reward kept more gold." : ": at equal KL the pointwise reward kept more gold.");
    }
}
