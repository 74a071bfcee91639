using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Preference;

/// <summary>
/// MM-DPO's dynamic reward scaling (Zhang et al. 2025, "MM-RLHF: The Next Step Forward in Multimodal LLM Alignment",
/// §5): each pair gets its own β_i = β·(1 + w·(1 − e^{−k·δ_i})), δ_i the reward model's margin r(y_w) − r(y_l), so
/// confidently ranked pairs pull harder; L = −log σ(β_i·h). Options w = 0.5, k = 0.5, β = 0.1 (our defaults; the
/// paper tunes w and k).
/// </summary>
public static class DynamicBetaLoss
{
    /// <summary>β_i for reward margins δ (B); negative margins count as 0, so β_i ∈ [β, β·(1 + w)].</summary>
    public static Tensor PairBetas(Tensor rewardMargins, double beta, double weight, double rate) =>
        beta * (1 + weight * (1 - (-rate * rewardMargins.clamp_min(0)).exp()));

    /// <summary>Per-pair losses (B).</summary>
    public static Tensor Compute(Tensor chosenLogRatio, Tensor rejectedLogRatio, Tensor rewardMargins, double beta, double weight, double rate)
    {
        var betas = PairBetas(rewardMargins.to(chosenLogRatio.dtype), beta, weight, rate).detach();
        return -StableMath.LogSigmoid(betas * (chosenLogRatio - rejectedLogRatio));
    }
}
