using PrefSharp.Core.Metrics;
using PrefSharp.Torch.Batches;

namespace PrefSharp.Torch.Rewards.MultiObjective;

/// <summary>
/// <see cref="RewardEvaluation"/> for a multi-objective model: the scalar is the gated reward, or a direction's
/// projection (<see cref="MultiObjectiveScorer"/>); accuracy overall and per subset, ECE and temperature as for a scalar model.
/// </summary>
public static class MultiObjectiveEvaluation
{
    /// <summary>The report of <paramref name="model"/> on pairs (chosen, rejected, optional subset name).</summary>
    public static RewardEvaluationReport Evaluate(MultiObjectiveRewardModel model,
        IReadOnlyList<(TokenizedSequence Chosen, TokenizedSequence Rejected, string? Subset)> pairs, IReadOnlyList<double>? direction = null,
        int batchSize = 16)
    {
        if (pairs.Count == 0) throw new ArgumentException("no pairs to evaluate", nameof(pairs));
        var chosen = MultiObjectiveScorer.Score(model, pairs.Select(p => p.Chosen).ToList(), direction, batchSize).Scores;
        var rejected = MultiObjectiveScorer.Score(model, pairs.Select(p => p.Rejected).ToList(), direction, batchSize).Scores;
        var accuracy = PairwiseAccuracy.Compute(chosen, rejected, pairs.Select(p => p.Subset).ToList());
        var gaps = chosen.Zip(rejected, (c, r) => c - r).ToArray();
        return new RewardEvaluationReport(accuracy, ExpectedCalibrationError.FromRewardGaps(gaps), TemperatureScaling.FitRewardGaps(gaps), gaps.Average());
    }
}
