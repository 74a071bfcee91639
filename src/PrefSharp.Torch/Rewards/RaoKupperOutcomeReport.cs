using System.Text.Json.Nodes;

namespace PrefSharp.Torch.Rewards;

/// <summary>What <see cref="RaoKupperOutcomes"/> measured on pairs with ties.</summary>
/// <param name="Pairs">Pairs evaluated, ties included.</param>
/// <param name="Ties">Pairs judged a tie.</param>
/// <param name="Threshold">The model's η.</param>
/// <param name="MeanLogLikelihood">Mean log P(observed outcome) per pair (≤ 0; higher is better).</param>
/// <param name="ObservedTieRate">Ties / pairs.</param>
/// <param name="PredictedTieRate">Mean P(tie) over the pairs.</param>
/// <param name="Accuracy">Share of pairs whose most probable outcome (win, tie, loss) is the observed one.</param>
public sealed record RaoKupperOutcomeReport(int Pairs, int Ties, double Threshold, double MeanLogLikelihood, double ObservedTieRate,
    double PredictedTieRate, double Accuracy)
{
    /// <summary>{"pairs", "ties", "tie_threshold", "mean_log_likelihood", "observed_tie_rate", "predicted_tie_rate", "three_way_accuracy"}.</summary>
    public JsonObject ToJson() => new()
    {
        ["pairs"] = Pairs,
        ["ties"] = Ties,
        ["tie_threshold"] = Threshold,
        ["mean_log_likelihood"] = MeanLogLikelihood,
        ["observed_tie_rate"] = ObservedTieRate,
        ["predicted_tie_rate"] = PredictedTieRate,
        ["three_way_accuracy"] = Accuracy,
    };
}
