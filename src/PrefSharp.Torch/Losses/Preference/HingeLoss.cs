using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Preference;

/// <summary>
/// Hinge loss on the DPO margin (SLiC-HF, Zhao et al. 2023, with the reference-normalised score of RSO,
/// Liu et al. 2024, "Statistical Rejection Sampling Improves Preference Optimization"): L = max(0, 1 − β·h). β = 0.1 (TRL; 1/β is the
/// margin in log-ratio units). TRL: loss_type="hinge".
/// </summary>
public static class HingeLoss
{
    /// <summary>Per-pair losses (B).</summary>
    public static Tensor Compute(Tensor chosenLogRatio, Tensor rejectedLogRatio, double beta) =>
        (1 - beta * (chosenLogRatio - rejectedLogRatio)).relu();
}
