using System.Globalization;
using PrefSharp.Core.Gym.Proxy;
using PrefSharp.Core.Gym.Sampling;

namespace PrefSharp.Recipes.Demo.Stages;

/// <summary>
/// The demo's training-free over-optimisation stage: fits a <see cref="BagOfWordsReward"/> proxy on the run's
/// simulated pairs, then runs <see cref="BestOfNSweep"/> against it and reports gold and proxy of the picks against
/// KL_bon (Gao et al. 2023). Its final row is the largest n.
/// </summary>
public sealed class BestOfNStage : IDemoStage
{
    public string Name => "best-of-n";

    public DemoStage Run(DemoContext context)
    {
        var pairs = GymRecords.ToPairs(context.World, context.Judgements).Select(p => (p.Chosen.Text!, p.Rejected.Text!, p.IsTie)).ToList();
        var proxy = BagOfWordsReward.Fit(pairs);
        var prompts = context.Quick ? 100 : 400;
        var points = BestOfNSweep.Run(context.World, proxy.Score, GymSampler.DefaultQualities, prompts, maxN: 64, context.Seed + 1);
        context.Products.Proxy = proxy;
        context.Products.BestOfNPoints = points;
        var peak = points.MaxBy(p => p.GoldUtility)!;
        var last = points[^1];
        var first = points[0];
        var fell = last.GoldUtility < peak.GoldUtility - 1e-9;
        var narrative = string.Create(CultureInfo.InvariantCulture,
            $"A bag-of-words Bradley–Terry proxy reward was fitted on {pairs.Count:N0} simulated preference pairs; then, for {prompts} fresh prompts, " +
            $"the proxy picked the best of n demonstrations (n = 1 … {last.N}). The proxy of the pick rose from {first.ProxyReward:F2} to {last.ProxyReward:F2} " +
            $"while the gold utility went from {first.GoldUtility:F2} to {last.GoldUtility:F2} (KL up to {last.Kl:F2} nats). ") +
            (fell
                ? string.Create(CultureInfo.InvariantCulture, $"Gold peaked at {peak.GoldUtility:F2} for n = {peak.N} (KL {peak.Kl:F2}) and then fell to {last.GoldUtility:F2} while the proxy kept rising: the proxy is being over-optimised (Goodhart's law).")
                : "Gold kept rising with the proxy over this range of n: the proxy has not yet been pushed past its region of validity.");
        return new DemoStage
        {
            Name = Name,
            Status = DemoStageStatus.Ok,
            GoldUtility = last.GoldUtility,
            ProxyReward = last.ProxyReward,
            Kl = last.Kl,
            Metrics = new Dictionary<string, double>
            {
                ["pairs"] = pairs.Count,
                ["gold_at_n1"] = first.GoldUtility,
                ["gold_peak"] = peak.GoldUtility,
                ["n_at_gold_peak"] = peak.N,
                ["max_n"] = last.N,
            },
            Narrative = narrative,
            Charts =
            [
                new DemoChart("Best-of-n against the proxy: gold and proxy against KL", "KL from the base policy (nats)", "mean score of the pick",
                [
                    new DemoSeries("gold utility", points.Select(p => p.Kl).ToArray(), points.Select(p => p.GoldUtility).ToArray()),
                    new DemoSeries("proxy reward", points.Select(p => p.Kl).ToArray(), points.Select(p => p.ProxyReward).ToArray()),
                ]),
            ],
        };
    }
}
