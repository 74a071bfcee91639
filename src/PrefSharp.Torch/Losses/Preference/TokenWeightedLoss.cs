using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Preference;

/// <summary>
/// Token-weighted DPO (SparsePO, Christopoulou et al. 2024, "SparsePO: Controlling Preference Alignment of LLMs via
/// Sparse Token Masks"): each token's log-ratio is weighted by a mask m_t ∈ [0, 1] before summing,
/// h = Σ_t m^w_t·(log πθ − log π_ref)(y_w,t) − Σ_t m^l_t·(log πθ − log π_ref)(y_l,t), L = −log σ(β·h).
/// Masks of all ones give DPO. The masks are inputs (fixed, or from a mask head the caller trains). β = 0.1.
/// </summary>
public static class TokenWeightedLoss
{
    /// <summary>Per-pair losses (B) from per-token log-ratios (B, T) (0 where unscored) and token weights (B, T).</summary>
    public static Tensor Compute(Tensor chosenTokenLogRatios, Tensor rejectedTokenLogRatios, Tensor chosenWeights, Tensor rejectedWeights, double beta)
    {
        var chosen = (chosenTokenLogRatios * chosenWeights.to(chosenTokenLogRatios.dtype)).sum(1);
        var rejected = (rejectedTokenLogRatios * rejectedWeights.to(rejectedTokenLogRatios.dtype)).sum(1);
        return -StableMath.LogSigmoid(beta * (chosen - rejected));
    }
}
