using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Preference;

/// <summary>
/// NCA, pairwise (Chen et al. 2024, "Noise Contrastive Alignment of Language Models with Explicit Rewards", the
/// pairwise NCA objective with binary rewards): with r_w = β·log-ratio(y_w), r_l = β·log-ratio(y_l),
/// L = −log σ(r_w) − ½·log σ(−r_w) − ½·log σ(−r_l). β = 0.1 (TRL). TRL: loss_type="nca_pair".
/// </summary>
public static class NcaPairLoss
{
    /// <summary>Per-pair losses (B).</summary>
    public static Tensor Compute(Tensor chosenLogRatio, Tensor rejectedLogRatio, double beta)
    {
        var chosen = beta * chosenLogRatio;
        var rejected = beta * rejectedLogRatio;
        return -StableMath.LogSigmoid(chosen) - 0.5 * StableMath.LogSigmoid(-chosen) - 0.5 * StableMath.LogSigmoid(-rejected);
    }
}
