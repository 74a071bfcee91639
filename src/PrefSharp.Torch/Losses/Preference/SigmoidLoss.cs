using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Preference;

/// <summary>
/// DPO (Rafailov et al. 2023, "Direct Preference Optimization", Eq. 7) with conservative label smoothing (cDPO,
/// Mitchell 2023, "A note on DPO with noisy preferences"):
/// L = −(1 − ε)·log σ(β·h) − ε·log σ(−β·h), h = [log πθ(y_w) − log π_ref(y_w)] − [log πθ(y_l) − log π_ref(y_l)].
/// Defaults: β = 0.1 (DPO §6 uses 0.1, 0.5 for summarisation), ε = 0 (cDPO suggests ε ≈ 0.1 for noisy labels).
/// TRL: loss_type="sigmoid".
/// </summary>
public static class SigmoidLoss
{
    /// <summary>Per-pair losses (B) from the log-ratios of the chosen and rejected responses.</summary>
    public static Tensor Compute(Tensor chosenLogRatio, Tensor rejectedLogRatio, double beta, double labelSmoothing = 0)
    {
        var logits = beta * (chosenLogRatio - rejectedLogRatio);
        var loss = -StableMath.LogSigmoid(logits) * (1 - labelSmoothing);
        return labelSmoothing == 0 ? loss : loss - StableMath.LogSigmoid(-logits) * labelSmoothing;
    }
}
