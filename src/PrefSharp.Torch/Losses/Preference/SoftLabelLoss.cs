using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Preference;

/// <summary>
/// Soft-label DPO: cDPO (Mitchell 2023, note on conservative DPO, Eq. 3 as cited by TRL) with a label per pair — the
/// cross-entropy between the soft label p = P(y_w ≻ y_l) and the implicit Bradley–Terry probability,
/// L = −p·log σ(β·h) − (1 − p)·log σ(−β·h). β = 0.1. p = 1 recovers DPO; p = 1 − ε recovers cDPO; p = C is CREAM's
/// consistency-regularised loss C·L_DPO(y_w, y_l) + (1 − C)·L_DPO(y_l, y_w) (Wang et al. 2024, Alg. 1 step 14 per its ICLR
/// reviews, equation number not found; the same expression in the reference code Raibows/CREAM sft_dpo_trainer.py,
/// β 0.1; see
/// <c>Training.Dpo.Online.CreamConsistency</c>).
/// Departs from SmPO (Lu et al. 2025, "Smoothed Preference Optimization via ReNoise Inversion…", ICML, Eq. 8 smoothed
/// densities, Eq. 9 loss, numbers from a secondary summary and an ICML review, not the PDF), whose smoothed densities
/// turn DPO into −log σ((2α − γ)·β·h): a rescaled logit rather than a cross-entropy against p. Its reference code
/// (JaydenLyh/SmPO, train.py) sets 2α − γ = 10·(2p − 1), i.e. α/γ = p, the softmax of two min–max-normalised
/// PickScores, with sensitivity γ = 10 (also the paper's ablation optimum) and β 2000 (SD1.5) / 5000 (SDXL). Both push
/// β·h toward the sign of p − ½, but SmPO's loss is flat at p = ½ and has no finite optimum otherwise, while the
/// cross-entropy stops at σ(β·h) = p.
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
