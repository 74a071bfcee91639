using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Preference;

/// <summary>
/// VPO (Cen et al. 2024, "Value-Incentivized Preference Optimization: A Unified Approach to Online and Offline RLHF",
/// Sec. 3–4): the Bradley–Terry loss of the implicit reward r = β·log(πθ/π_ref) + c(x), regularised by the value of
/// the KL-regularised problem, J*(r) = max_π E_π[r] − β·KL(π‖π_ref) = E_x c(x). Fixing the offset by the calibration
/// condition E_{y∼π_cal}[r(x, y)] = 0 gives J* = −β·E_{y∼π_cal}[log πθ(y|x) − log π_ref(y|x)], so
/// <code>L = −log σ(β·(lr_w − lr_l)) − α·β·½(lr_w + lr_l)</code>
/// with π_cal the data's responses (both of each pair) and lr = log πθ − log π_ref. α &gt; 0 penalises a high value:
/// pessimism, the offline variant (the data's responses become more likely, as in DPO + SFT); α &lt; 0 rewards it:
/// optimism, the online variant (exploration away from the sampled responses, used with on-policy pairs, e.g.
/// <c>online-dpo --loss vpo</c> with a negative α). α = 0 is DPO. The paper tunes α per task; the default 0.1 here is not its.
/// </summary>
public static class VpoLoss
{
    /// <summary>Per-pair losses (B) from the log-ratios of the chosen and rejected responses; α signed (see above).</summary>
    public static Tensor Compute(Tensor chosenLogRatio, Tensor rejectedLogRatio, double beta, double alpha) =>
        SigmoidLoss.Compute(chosenLogRatio, rejectedLogRatio, beta) - alpha * beta * 0.5 * (chosenLogRatio + rejectedLogRatio);
}
