using PrefSharp.Torch.Diagnostics;
using PrefSharp.Torch.Rewards.Sources;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Grpo;

/// <summary>The diagnostics of a GRPO step that its rollout alone determines (entropy and clip fraction come from the updates).</summary>
internal static class GrpoRolloutDiagnostics
{
    /// <summary>
    /// Gold utility (when known) and proxy reward (the source's pointwise scores, or its rewards when it has none)
    /// averaged over completions; k3 KL to the reference averaged over completion tokens, with the sampler's log-probs
    /// as log π (exact at temperature 1); distinct-1/2 over all completions' tokens; self-BLEU within each group,
    /// averaged over groups; the mean within-group reward std, zero-spread and illusory-advantage statistics.
    /// </summary>
    public static GrpoStepDiagnostics Measure(IReadOnlyList<GrpoPrompt> batchPrompts, Rollout rollout, string[] texts,
        GroupScores scores, Tensor rewards, Tensor advantages, Func<string, string, double>? gold)
    {
        var size = rollout.GroupSize;
        double? goldMean = gold is null ? null
            : Enumerable.Range(0, texts.Length).Average(i => gold(batchPrompts[i / size].Text, texts[i]));
        double kl = 0, sequenceKl = 0;
        if (rollout.RefLogProbs is not null)
        {
            using var scope = NewDisposeScope();
            var mask = rollout.ScoredMask().to(rollout.OldLogProbs.dtype);
            kl = KlEstimator.MaskedMean(KlEstimator.K3(rollout.OldLogProbs, rollout.RefLogProbs), mask).to(ScalarType.Float64).item<double>();
            sequenceKl = (KlEstimator.K1(rollout.OldLogProbs, rollout.RefLogProbs) * mask).sum(1).mean().to(ScalarType.Float64).item<double>();
        }
        var completions = rollout.Completions;
        var selfBleu = Enumerable.Range(0, rollout.PromptCount)
            .Average(b => SelfBleu.Compute(completions.Skip(b * size).Take(size).ToList()));
        return new GrpoStepDiagnostics
        {
            GoldReward = goldMean,
            ProxyReward = (scores.PointwiseScores ?? scores.Rewards).Average(),
            Kl = kl,
            SequenceKl = sequenceKl,
            Distinct1 = DistinctN.Compute(completions, 1),
            Distinct2 = DistinctN.Compute(completions, 2),
            SelfBleu = selfBleu,
            ZeroSpreadFraction = GroupSpread.ZeroSpreadFraction(rewards, size),
            RewardStd = GroupSpread.MeanGroupStd(rewards, size),
            Illusory = GroupSpread.Illusory(rewards, advantages, size),
            RewardMetrics = scores.Metrics,
        };
    }
}
