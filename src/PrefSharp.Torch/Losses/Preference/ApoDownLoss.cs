using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Preference;

/// <summary>
/// APO-down (D'Oosterlinck et al. 2024, Eq. 8): lower the chosen likelihood and the rejected one more,
/// L = σ(β·lr_w) + (1 − σ(β·(lr_w − lr_l))). For when the chosen outputs are worse than the model's own. β = 0.1.
/// TRL: loss_type="apo_down".
/// </summary>
public static class ApoDownLoss
{
    /// <summary>Per-pair losses (B).</summary>
    public static Tensor Compute(Tensor chosenLogRatio, Tensor rejectedLogRatio, double beta) =>
        (beta * chosenLogRatio).sigmoid() + 1 - (beta * (chosenLogRatio - rejectedLogRatio)).sigmoid();
}
