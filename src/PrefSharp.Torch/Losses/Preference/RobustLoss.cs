using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Preference;

/// <summary>
/// Robust DPO (rDPO; Chowdhury et al. 2024, "Provably Robust DPO",): an unbiased loss under labels flipped
/// with probability ε, L = [(1 − ε)·(−log σ(β·h)) − ε·(−log σ(−β·h))] / (1 − 2ε), h the DPO log-ratio margin.
/// Defaults: β = 0.1, ε = <see cref="PreferenceLossOptions.LabelSmoothing"/> in [0, 0.5) (the paper's experiments use 0.1–0.4).
/// TRL: loss_type="robust".
/// </summary>
public static class RobustLoss
{
    /// <summary>Per-pair losses (B).</summary>
    public static Tensor Compute(Tensor chosenLogRatio, Tensor rejectedLogRatio, double beta, double epsilon)
    {
        var logits = beta * (chosenLogRatio - rejectedLogRatio);
        var clean = -StableMath.LogSigmoid(logits) * (1 - epsilon);
        var flipped = -StableMath.LogSigmoid(-logits) * epsilon;
        return (clean - flipped) / (1 - 2 * epsilon);
    }
}
