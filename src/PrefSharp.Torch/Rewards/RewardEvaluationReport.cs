using System.Text.Json.Nodes;
using PrefSharp.Core.Metrics;

namespace PrefSharp.Torch.Rewards;

/// <summary>What <see cref="RewardEvaluation"/> measured; <see cref="ToJson"/> gives the <c>eval-rm --output json</c> object.</summary>
public sealed record RewardEvaluationReport(PairwiseAccuracyResult Accuracy, double Ece, double Temperature, double MeanMargin)
{
    /// <summary>Pairs judged a tie that the pairwise metrics left out because the model cannot rate a tie (0 with <see cref="ThreeOutcome"/>).</summary>
    public int TiesSkipped { get; init; }

    /// <summary>Win / tie / loss metrics on all pairs for a Rao–Kupper model; null for any other.</summary>
    public RaoKupperOutcomeReport? ThreeOutcome { get; init; }

    /// <summary>
    /// {"accuracy", "n", "ece", "temperature", "mean_margin", "ties_skipped", "subsets": {name: {"accuracy", "n"}}} and,
    /// for a Rao–Kupper model, "three_way": <see cref="RaoKupperOutcomeReport.ToJson"/>.
    /// </summary>
    public JsonObject ToJson()
    {
        var subsets = new JsonObject();
        foreach (var (name, subset) in Accuracy.Subsets)
            subsets[name] = new JsonObject { ["accuracy"] = subset.Accuracy, ["n"] = subset.Count };
        var json = new JsonObject
        {
            ["accuracy"] = Accuracy.Accuracy,
            ["n"] = Accuracy.Count,
            ["ece"] = Ece,
            ["temperature"] = Temperature,
            ["mean_margin"] = MeanMargin,
            ["ties_skipped"] = TiesSkipped,
            ["subsets"] = subsets,
        };
        if (ThreeOutcome is not null) json["three_way"] = ThreeOutcome.ToJson();
        return json;
    }
}
