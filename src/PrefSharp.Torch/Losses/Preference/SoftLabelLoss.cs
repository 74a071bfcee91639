using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Preference;

/// <summary>
/// Soft-label DPO: cDPO (Mitchell 2023, note on conservative DPO, Eq. 3 as cited by TRL) with a label per pair — the
/// cross-entropy between the soft label p = P(y_w ≻ y_l) and the implicit Bradley–Terry probability,
/// L = −p·log σ(β·h) − (1 − p)·log σ(−β·h). β = 0.1. p = 1 recovers DPO; p = 1 − ε recovers cDPO; p = C is CREAM's
/// consistency-regularised loss C·L_DPO(y_w, y_l) + (1 − C)·L_DPO(y_l, y_w) (Wang et al. 2024, §4; see
/// <c>Training.Dpo.Online.CreamConsistency</c>).
/// Departs from SmPO (Lu et al. 2025, "Smoothed Preference Optimization via ReNoise Inversion…", ICML, Eqs. 8–9 by a
/// secondary summary, not checked against the paper), whose smoothed densities turn DPO into −log σ((2α − γ)·β·h): a
/// rescaled logit rather than a cross-entropy against p; the two agree in sign and vanish-gradient point only.
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
