using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Ppo;

/// <summary>
/// The PPO loss per token (Schulman et al. 2017, "Proximal Policy Optimization Algorithms", Eq. 7 and 9), as the
/// classic RLHF recipe applies it to completion tokens (Ouyang et al. 2022; TRL's PPOTrainer):
/// ℓ^policy_t = max(−Â_t·ρ_t, −Â_t·clip(ρ_t, 1 − ε, 1 + ε)), ρ_t = exp(log π_θ(y_t) − log π_old(y_t));
/// ℓ^value_t = ½·max((V_t − R_t)², (clip(V_t, V^old_t − ε_v, V^old_t + ε_v) − R_t)²), the value clipping of
/// OpenAI's baselines PPO2 that TRL and OpenRLHF keep; ℓ_t = ℓ^policy_t + c_v·ℓ^value_t.
/// </summary>
/// <remarks>
/// Sums over scored tokens, so the shared loop's Σ Sum / Σ tokens is the token mean over a whole mini-batch whatever
/// its split into micro-batches (TRL's masked_mean over the mini-batch). Clip fractions count tokens where the clipped
/// branch is the larger loss (its gradient is then zero), as TRL's pg_clipfrac and vf_clipfrac do.
/// </remarks>
public static class PpoLoss
{
    /// <summary>Masked sums of the loss over (B, T − 1) tokens; <paramref name="values"/> null: the policy term alone.</summary>
    public static PpoLossTerms Compute(Tensor logProbs, Tensor oldLogProbs, Tensor advantages, Tensor mask, PpoLossOptions options,
        Tensor? values = null, Tensor? oldValues = null, Tensor? returns = null)
    {
        options.Validate();
        if (!logProbs.shape.SequenceEqual(mask.shape) || !oldLogProbs.shape.SequenceEqual(mask.shape) || !advantages.shape.SequenceEqual(mask.shape))
            throw new ArgumentException($"log-probs, old log-probs and advantages must be (B, T) like the mask [{string.Join(", ", mask.shape)}]", nameof(logProbs));
        if (values is not null && (oldValues is null || returns is null))
            throw new ArgumentException("values need the rollout's old values and the returns", nameof(values));
        using var scope = NewDisposeScope();
        var m = mask.to(logProbs.dtype);
        var logRatio = logProbs - oldLogProbs;
        var ratio = logRatio.exp();
        var unclipped = -advantages * ratio;
        var clipped = -advantages * ratio.clamp(1 - options.ClipRange, 1 + options.ClipRange);
        var policySum = (maximum(unclipped, clipped) * m).sum();
        var valueSum = zeros(1, logProbs.dtype).squeeze();
        var valueClipped = zeros_like(valueSum);
        if (values is not null)
        {
            var plain = (values - returns!).square();
            var bounded = (oldValues! + (values - oldValues!).clamp(-options.ValueClipRange, options.ValueClipRange) - returns!).square();
            valueSum = (0.5 * maximum(plain, bounded) * m).sum();
            using var noGradValue = no_grad();
            valueClipped = (bounded.gt(plain).to(m.dtype) * m).sum();
        }
        var sum = policySum + options.ValueCoefficient * valueSum;
        using var noGrad = no_grad();
        var policyClipped = (clipped.gt(unclipped).to(m.dtype) * m).sum();
        var approxKl = (0.5 * logRatio.square() * m).sum();
        return new PpoLossTerms(sum.MoveToOuterDisposeScope(), policySum.detach().MoveToOuterDisposeScope(),
            valueSum.detach().MoveToOuterDisposeScope(), policyClipped.MoveToOuterDisposeScope(), valueClipped.MoveToOuterDisposeScope(),
            approxKl.MoveToOuterDisposeScope());
    }
}
