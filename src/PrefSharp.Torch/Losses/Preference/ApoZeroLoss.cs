using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Preference;

/// <summary>
/// APO-zero (D'Oosterlinck et al. 2024, "Anchored Preference Optimization and Contrastive Revisions", Eq. 7): push
/// the chosen log-ratio up and the rejected one down, each anchored at zero,
/// L = (1 − σ(β·lr_w)) + σ(β·lr_l). For when the chosen outputs are better than the model's own. β = 0.1.
/// TRL: loss_type="apo_zero".
/// </summary>
public static class ApoZeroLoss
{
    /// <summary>Per-pair losses (B).</summary>
    public static Tensor Compute(Tensor chosenLogRatio, Tensor rejectedLogRatio, double beta) =>
        1 - (beta * chosenLogRatio).sigmoid() + (beta * rejectedLogRatio).sigmoid();
}
