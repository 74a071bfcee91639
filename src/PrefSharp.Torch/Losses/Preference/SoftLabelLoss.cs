using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Preference;

/// <summary>
/// Soft-label DPO with per-pair smoothed labels (the smoothed preference targets of SmPO, and of cDPO with a label
/// per pair): the cross-entropy between the soft label p = P(y_w ≻ y_l) and the implicit Bradley–Terry probability,
/// L = −p·log σ(β·h) − (1 − p)·log σ(−β·h). β = 0.1. p = 1 recovers DPO; p = 1 − ε recovers cDPO.
/// </summary>
public static class SoftLabelLoss
{
    /// <summary>Per-pair losses (B).</summary>
    public static Tensor Compute(Tensor chosenLogRatio, Tensor rejectedLogRatio, Tensor softLabels, double beta)
    {
        var logits = beta * (chosenLogRatio - rejectedLogRatio);
        var p = softLabels.to(logits.dtype);
        return -p * StableMath.LogSigmoid(logits) - (1 - p) * StableMath.LogSigmoid(-logits);
    }
}
