using System.Globalization;
using PrefSharp.Torch.Training.Dpo.Online;

namespace PrefSharp.Recipes.Demo.Stages;

/// <summary>The dpo stage's summary row: gold before/after, KL to the SFT policy, per-round numbers, loss curve, narrative.</summary>
internal static class DpoStageReport
{
    public static DemoStage Row(string name, DemoContext context, DpoStageSettings s, PolicyScore before, PolicyScore after,
        IReadOnlyList<OnlineDpoRound> rounds)
    {
        var losses = rounds.SelectMany(r => r.Losses).ToList();
        var metrics = after.ToMetrics();
        metrics["gold_before"] = before.GoldUtility;
        metrics["gold_after"] = after.GoldUtility;
        metrics["gold_gain"] = after.GoldUtility - before.GoldUtility;
        metrics["distinct_2_before"] = before.Distinct2;
        metrics["rounds"] = rounds.Count;
        metrics["pairs"] = rounds.Sum(r => r.Pairs);
        metrics["ties_dropped"] = rounds.Sum(r => r.Dropped);
        metrics["label_gold_gap"] = rounds.Average(r => r.GoldGap ?? 0);
        metrics["train_accuracy"] = rounds[^1].Metrics["rewards/accuracies"];
        metrics["beta"] = s.Beta;
        metrics["nll_weight"] = s.NllWeight;
        metrics["steps"] = losses.Count;
        var kind = rounds.Count == 1 ? "one round of offline DPO on the SFT policy's samples"
            : $"{rounds.Count} rounds of on-policy DPO (each round samples from the current policy)";
        var narrative = string.Create(CultureInfo.InvariantCulture,
            $"Starting from the SFT policy, {kind}: {s.PromptsPerRound} fresh prompts per round, {s.SamplesPerPrompt} samples each, paired and judged {s.Votes} times by the run's simulated annotators (majority label, pairs with a majority under {s.MinVoteMargin} votes dropped) " +
            $"({metrics["pairs"]:N0} pairs kept, {metrics["ties_dropped"]:N0} dropped; the chosen side beat the rejected one by {metrics["label_gold_gap"]:F2} gold on average). " +
            $"DPO (β = {s.Beta:0.###}, + {s.NllWeight:0.##}·NLL of the chosen side as in RPO, SFT policy as frozen reference) took {losses.Count} steps of {s.BatchSize} pairs. " +
            $"On the held-out prompts the gold utility went from {before.GoldUtility:F2} (SFT) to {after.GoldUtility:F2}, at a KL of {after.Kl:F2} nats from the SFT policy; " +
            $"distinct-2 {before.Distinct2:F2} → {after.Distinct2:F2}, {after.MeanWords:F1} words per response.");
        context.Log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  dpo: gold {before.GoldUtility:F2} (sft) → {after.GoldUtility:F2}, KL {after.Kl:F2} nats"));
        return new DemoStage
        {
            Name = name,
            Status = DemoStageStatus.Ok,
            GoldUtility = after.GoldUtility,
            Kl = after.Kl,
            Metrics = metrics,
            Narrative = narrative,
            Charts = [new DemoChart("DPO: training loss per step (all rounds)", "step", "loss", [DemoSeries.OfSteps("DPO loss", losses)])],
        };
    }
}
