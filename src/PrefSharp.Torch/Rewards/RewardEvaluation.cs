using PrefSharp.Core.Metrics;
using PrefSharp.Torch.Training.Batches;

namespace PrefSharp.Torch.Rewards;

/// <summary>
/// Evaluates a reward model on tokenized pairs from its preference logits Δ (<see cref="PreferenceLogits"/>: r_c − r_r
/// for a scalar head, the GPM score s/β for a General Preference Model): pairwise accuracy overall and per subset
/// (ties ½), ECE of σ(Δ) with 10 equal-width bins (both orientations), and the held-out temperature that would calibrate it.
/// </summary>
public static class RewardEvaluation
{
    /// <summary>The report of <paramref name="model"/> on pairs (chosen, rejected, optional subset name).</summary>
    public static RewardEvaluationReport Evaluate(RewardModel model,
        IReadOnlyList<(TokenizedSequence Chosen, TokenizedSequence Rejected, string? Subset)> pairs, int batchSize = 16)
    {
        if (pairs.Count == 0) throw new ArgumentException("no pairs to evaluate", nameof(pairs));
        var gaps = PreferenceLogits.Pairs(model, pairs.Select(p => (p.Chosen, p.Rejected)).ToList(), batchSize);
        var accuracy = PairwiseAccuracy.Compute(gaps, new double[gaps.Length], pairs.Select(p => p.Subset).ToList());
        return new RewardEvaluationReport(accuracy, ExpectedCalibrationError.FromRewardGaps(gaps),
            TemperatureScaling.FitRewardGaps(gaps), gaps.Average());
    }
}
