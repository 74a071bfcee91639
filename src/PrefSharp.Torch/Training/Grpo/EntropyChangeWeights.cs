using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Grpo;

/// <summary>
/// STEER's token weights (Hao et al. 2025, "Rethinking Entropy Interventions in RLVR: An Entropy Change Perspective",
/// arXiv 2510.10150, Sec. 4): a policy-gradient step on token y_t changes the entropy of its position by about
/// <code>Ω_t = (A / π_old(y_t)) · π(y_t)·(1 − π(y_t)) · (log π(y_t) + H_t)</code>
/// (the first-order entropy change of a softmax under that token's update). Tokens are reweighted linearly by |Ω| over
/// the scored tokens of the batch: the smallest |Ω| gets w_max, the largest w_min,
/// <code>w_t = clip(w_max − (|Ω_t| − min|Ω|)·(w_max − w_min)/(max|Ω| − min|Ω|), w_min, w_max)</code>
/// so the tokens that would move entropy most are damped and the others amplified, keeping the per-step entropy change
/// within a band. The authors' scripts use w_min = 0.8, w_max = 1.2 (their linear mode). Weights are detached.
/// </summary>
public static class EntropyChangeWeights
{
    /// <summary>
    /// advantages (B), per-token log π (B, T), log π_old (B, T) (null: the current ones), entropies H (B, T), mask (B, T)
    /// → weights (B, T) in log π's dtype, 0 off the mask.
    /// </summary>
    public static Tensor Compute(Tensor advantages, Tensor logProbs, Tensor? oldLogProbs, Tensor entropies, Tensor mask, double minWeight, double maxWeight)
    {
        if (!(minWeight >= 0 && minWeight <= maxWeight) || double.IsInfinity(maxWeight))
            throw new ArgumentException($"the weights must satisfy 0 ≤ w_min ≤ w_max < ∞, found w_min = {minWeight}, w_max = {maxWeight}", nameof(minWeight));
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var p = logProbs.detach().exp().clamp(1e-8, 1 - 1e-8);                                          // (B, T)
        var old = (oldLogProbs ?? logProbs).detach().exp().clamp_min(1e-8);                           // (B, T)
        var omega = (advantages.to(p.dtype).unsqueeze(1) / old * p * (1 - p) * (p.log() + entropies.detach().to(p.dtype))).abs();
        var scored = mask.to(ScalarType.Bool);
        var values = omega.masked_select(scored);
        if (values.shape[0] == 0) return zeros_like(p).MoveToOuterDisposeScope();
        var (least, most) = (values.min(), values.max());
        var spread = most - least;
        var linear = (maxWeight - (omega - least) * ((maxWeight - minWeight) / spread.clamp_min(double.Epsilon))).clamp(minWeight, maxWeight);
        var weights = where(spread.gt(0), linear, full_like(p, (minWeight + maxWeight) / 2));   // all |Ω| equal: the middle weight
        return (weights * mask.to(p.dtype)).MoveToOuterDisposeScope();
    }
}
