using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Preference;

/// <summary>
/// AOT, unpaired (Melnyk et al. 2024, same paper as <see cref="AotLoss"/>): dominance of the chosen log-ratio
/// distribution over the rejected one, L_i = −(1 − ε)·log σ(β·(sort(lr_w)_i − sort(lr_l)_i)) − ε·log σ(−β·(…)).
/// β = 0.1, ε = 0. TRL: loss_type="aot_unpaired" (older TRL: "aot_pair").
/// </summary>
public static class AotUnpairedLoss
{
    /// <summary>Per-position losses (B) in sorted order.</summary>
    public static Tensor Compute(Tensor chosenLogRatio, Tensor rejectedLogRatio, double beta, double labelSmoothing)
    {
        var delta = chosenLogRatio.sort(0).Values - rejectedLogRatio.sort(0).Values;
        return -StableMath.LogSigmoid(beta * delta) * (1 - labelSmoothing) - StableMath.LogSigmoid(-beta * delta) * labelSmoothing;
    }
}
