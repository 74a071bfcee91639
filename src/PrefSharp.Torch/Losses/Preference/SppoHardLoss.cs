using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Preference;

/// <summary>
/// SPPO with hard labels (Wu et al. 2024, "Self-Play Preference Optimization", Eq. 4.7 with P(y_w ≻ π) = 1 and
/// P(y_l ≻ π) = 0): L = (lr_w − 1/(2β))² + (lr_l + 1/(2β))², lr the log-ratios to the reference. β = 0.1 here (TRL);
/// the paper writes η = 1/β. TRL: loss_type="sppo_hard".
/// </summary>
public static class SppoHardLoss
{
    /// <summary>Per-pair losses (B).</summary>
    public static Tensor Compute(Tensor chosenLogRatio, Tensor rejectedLogRatio, double beta) =>
        (chosenLogRatio - 0.5 / beta).square() + (rejectedLogRatio + 0.5 / beta).square();
}
