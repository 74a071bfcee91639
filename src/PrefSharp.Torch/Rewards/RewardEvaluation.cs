using PrefSharp.Core.Metrics;
using PrefSharp.Torch.Batches;

namespace PrefSharp.Torch.Rewards;

/// <summary>
/// Evaluates a reward model on tokenized pairs from its preference logits Δ (<see cref="PreferenceLogits"/>: r_c − r_r
/// for a scalar head, the GPM score s/β for a General Preference Model): pairwise accuracy overall and per subset
/// (ties ½), ECE of σ(Δ) with 10 equal-width bins (both orientations), and the held-out temperature that would calibrate it.
/// Pairs judged a tie have no right answer for those metrics: a model with a Rao–Kupper threshold η evaluates all pairs
/// on three outcomes as well (<see cref="RaoKupperOutcomes"/>); any other model skips the ties and counts them.
/// </summary>
public static class RewardEvaluation
{
    /// <summary>The report of <paramref name="model"/> on decided pairs (chosen, rejected, optional subset name).</summary>
    public static RewardEvaluationReport Evaluate(RewardModel model,
        IReadOnlyList<(TokenizedSequence Chosen, TokenizedSequence Rejected, string? Subset)> pairs, int batchSize = 16)
    {
        if (pairs.Count == 0) throw new ArgumentException("no pairs to evaluate", nameof(pairs));
        return FromGaps(PreferenceLogits.Pairs(model, pairs.Select(p => (p.Chosen, p.Rejected)).ToList(), batchSize), pairs.Select(p => p.Subset).ToList());
    }

    /// <summary>
    /// The report on pairs that may be ties: the pairwise metrics on the decided pairs, plus
    /// <see cref="RewardEvaluationReport.ThreeOutcome"/> on all pairs when the model has a tie threshold η &gt; 0, else
    /// <see cref="RewardEvaluationReport.TiesSkipped"/>. Needs at least one decided pair.
    /// </summary>
    public static RewardEvaluationReport Evaluate(RewardModel model,
        IReadOnlyList<(TokenizedSequence Chosen, TokenizedSequence Rejected, string? Subset, bool IsTie)> pairs, int batchSize = 16)
    {
        var ties = pairs.Count(p => p.IsTie);
        if (ties == pairs.Count)
            throw new ArgumentException($"no decided pairs to evaluate ({ties} ties): accuracy needs at least one pair with a winner", nameof(pairs));
        var rateTies = RaoKupperOutcomes.Applies(model.Config);
        var evaluated = rateTies ? pairs : pairs.Where(p => !p.IsTie).ToList();
        var gaps = PreferenceLogits.Pairs(model, evaluated.Select(p => (p.Chosen, p.Rejected)).ToList(), batchSize);
        var decided = Enumerable.Range(0, evaluated.Count).Where(i => !evaluated[i].IsTie).ToList();
        var report = FromGaps(decided.Select(i => gaps[i]).ToArray(), decided.Select(i => evaluated[i].Subset).ToList());
        return rateTies
            ? report with { ThreeOutcome = RaoKupperOutcomes.FromGaps(gaps, evaluated.Select(p => p.IsTie).ToList(), model.Config.TieThreshold!.Value) }
            : report with { TiesSkipped = ties };
    }

    /// <summary>The pairwise report from preference logits Δ = r_c − r_r of decided pairs (an ensemble's aggregated rewards, say).</summary>
    public static RewardEvaluationReport FromGaps(double[] gaps, IReadOnlyList<string?> subsets) =>
        new(PairwiseAccuracy.Compute(gaps, new double[gaps.Length], subsets), ExpectedCalibrationError.FromRewardGaps(gaps),
            TemperatureScaling.FitRewardGaps(gaps), gaps.Average());
}
