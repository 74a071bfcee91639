using System.Globalization;

namespace PrefSharp.Recipes.Demo.Stages;

/// <summary>The demo row of an online stage: final numbers, hacking measures and the over-optimisation chart.</summary>
public static class GrpoDemoReport
{
    /// <summary>Metrics of a curve: gold and proxy at the start, peak and end, and the gold lost after its peak.</summary>
    public static Dictionary<string, double> Metrics(IReadOnlyList<GrpoCurvePoint> curve, GrpoDemoRun.Result run)
    {
        var (first, last) = (curve[0], curve[^1]);
        var peak = curve.MaxBy(p => p.Gold)!;
        var tail = run.Reports.Skip(run.Reports.Count * 5 / 6).Select(r => r.Diagnostics).ToList();
        return new Dictionary<string, double>
        {
            ["gold_start"] = first.Gold, ["gold_peak"] = peak.Gold, ["step_at_gold_peak"] = peak.Step, ["gold_end"] = last.Gold,
            ["gold_drop_after_peak"] = peak.Gold - last.Gold, ["proxy_start"] = first.Proxy, ["proxy_end"] = last.Proxy,
            ["proxy_gain"] = last.Proxy - first.Proxy, ["gold_gain"] = last.Gold - first.Gold, ["kl_end"] = last.Kl,
            ["steps"] = run.Reports.Count, ["distinct_2"] = tail.Average(d => d.Distinct2), ["self_bleu"] = tail.Average(d => d.SelfBleu),
            ["entropy"] = tail.Average(d => d.Entropy), ["frac_reward_zero_std"] = tail.Average(d => d.ZeroSpreadFraction),
            ["clip_ratio"] = tail.Average(d => d.ClipFraction),
        };
    }

    /// <summary>Gold (solid) and proxy of one or more runs against KL to the SFT policy.</summary>
    public static DemoChart Chart(string title, params (string Name, IReadOnlyList<GrpoCurvePoint> Curve)[] runs) =>
        new(title, "KL to the SFT policy (nats, sequence-level)", "mean over the policy's samples",
            runs.SelectMany(r => new[]
            {
                new DemoSeries($"{r.Name}: gold utility", r.Curve.Select(p => p.Kl).ToArray(), r.Curve.Select(p => p.Gold).ToArray()),
                new DemoSeries($"{r.Name}: proxy reward", r.Curve.Select(p => p.Kl).ToArray(), r.Curve.Select(p => p.Proxy).ToArray()),
            }).ToArray());

    /// <summary>
    /// Gold at KL = <paramref name="kl"/>: linear interpolation on the first segment of the curve (in step order) whose
    /// KL range contains it; NaN when the curve never reaches it.
    /// </summary>
    public static double GoldAtKl(IReadOnlyList<GrpoCurvePoint> curve, double kl)
    {
        for (var i = 1; i < curve.Count; i++)
        {
            var (a, b) = (curve[i - 1], curve[i]);
            if (kl < Math.Min(a.Kl, b.Kl) || kl > Math.Max(a.Kl, b.Kl)) continue;
            return b.Kl == a.Kl ? b.Gold : a.Gold + (b.Gold - a.Gold) * (kl - a.Kl) / (b.Kl - a.Kl);
        }
        return double.NaN;
    }

    /// <summary>Differences of gold below this count as a tie: 2 % of the gold range the curves span, at least 0.005.</summary>
    public static double Tolerance(IEnumerable<IReadOnlyList<GrpoCurvePoint>> curves)
    {
        var golds = curves.SelectMany(c => c.Select(p => p.Gold)).Where(double.IsFinite).ToList();
        return golds.Count == 0 ? 0.005 : Math.Max(0.005, 0.02 * (golds.Max() - golds.Min()));
    }

    /// <summary>What the row reports: the held-out scores of the policy kept at the KL budget, and of the one at the end of the budget.</summary>
    public static string Kept(PolicyScore kept, IReadOnlyDictionary<string, double> metrics) => string.Create(CultureInfo.InvariantCulture,
        $"The row's gold, proxy and KL are on the held-out prompts, for the policy kept when the KL of its rollouts reached the budget of {metrics["kl_budget"]:0.##} nats " +
        $"(step {metrics["kept_step"]}): gold {kept.GoldUtility:F2} at KL {kept.Kl:F2}; the policy at the end of all steps scored gold {metrics["heldout_gold_final"]:F2} at KL {metrics["heldout_kl_final"]:F2}.");

    /// <summary>One sentence on a curve, invariant culture.</summary>
    public static string Describe(string name, IReadOnlyList<GrpoCurvePoint> curve)
    {
        var (first, last) = (curve[0], curve[^1]);
        var peak = curve.MaxBy(p => p.Gold)!;
        return string.Create(CultureInfo.InvariantCulture,
            $"{name}: proxy {first.Proxy:F2} → {last.Proxy:F2}, gold {first.Gold:F2} → {last.Gold:F2} (peak {peak.Gold:F2} at step {peak.Step}), KL {last.Kl:F2} nats.");
    }
}
