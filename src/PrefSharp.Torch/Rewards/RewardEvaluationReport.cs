using System.Text.Json.Nodes;
using PrefSharp.Core.Metrics;

namespace PrefSharp.Torch.Rewards;

/// <summary>What <see cref="RewardEvaluation"/> measured; <see cref="ToJson"/> gives the <c>eval-rm --output json</c> object.</summary>
public sealed record RewardEvaluationReport(PairwiseAccuracyResult Accuracy, double Ece, double Temperature, double MeanMargin)
{
    /// <summary>{"accuracy", "n", "ece", "temperature", "mean_margin", "subsets": {name: {"accuracy", "n"}}}.</summary>
    public JsonObject ToJson()
    {
        var subsets = new JsonObject();
        foreach (var (name, subset) in Accuracy.Subsets)
            subsets[name] = new JsonObject { ["accuracy"] = subset.Accuracy, ["n"] = subset.Count };
        return new JsonObject
        {
            ["accuracy"] = Accuracy.Accuracy,
            ["n"] = Accuracy.Count,
            ["ece"] = Ece,
            ["temperature"] = Temperature,
            ["mean_margin"] = MeanMargin,
            ["subsets"] = subsets,
        };
    }
}
