using PrefSharp.Core.Metrics;
using PrefSharp.Torch.Training.Batches;

namespace PrefSharp.Torch.Rewards;

/// <summary>
/// Evaluates a scalar reward model on tokenized pairs: pairwise accuracy overall and per subset (ties ½), ECE of
/// σ(Δ) with 10 equal-width bins (both orientations), and the held-out temperature that would calibrate it.
/// </summary>
public static class RewardEvaluation
{
    /// <summary>The report of <paramref name="model"/> on pairs (chosen, rejected, optional subset name).</summary>
    public static RewardEvaluationReport Evaluate(RewardModel model,
        IReadOnlyList<(TokenizedSequence Chosen, TokenizedSequence Rejected, string? Subset)> pairs, int batchSize = 16)
    {
        if (pairs.Count == 0) throw new ArgumentException("no pairs to evaluate", nameof(pairs));
        var chosen = RewardScorer.Score(model, pairs.Select(p => p.Chosen).ToList(), batchSize);
        var rejected = RewardScorer.Score(model, pairs.Select(p => p.Rejected).ToList(), batchSize);
        var accuracy = PairwiseAccuracy.Compute(chosen, rejected, pairs.Select(p => p.Subset).ToList());
        var gaps = chosen.Zip(rejected, (c, r) => c - r).ToArray();
        return new RewardEvaluationReport(accuracy, ExpectedCalibrationError.FromRewardGaps(gaps),
            TemperatureScaling.FitRewardGaps(gaps), gaps.Average());
    }
}
