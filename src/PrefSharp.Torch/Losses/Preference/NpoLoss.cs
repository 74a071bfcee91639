using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Preference;

/// <summary>
/// NPO (Zhang et al. 2024, "Negative Preference Optimization: From Catastrophic Collapse to Effective Unlearning"):
/// DPO with only the losing response, applied to the forget set,
/// L = (2/β)·log(1 + (πθ(y|x)/π_ref(y|x))^β) = −(2/β)·log σ(−β·lr). β = 0.1 (paper). In a pair batch the rejected
/// responses are the ones to forget.
/// </summary>
public static class NpoLoss
{
    /// <summary>Per-example losses from the log-ratios of the responses to forget.</summary>
    public static Tensor Compute(Tensor forgetLogRatio, double beta) => -(2 / beta) * StableMath.LogSigmoid(-beta * forgetLogRatio);
}
