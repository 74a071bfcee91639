using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Preference;

/// <summary>
/// EXO, pairwise (Ji et al. 2024, "Towards Efficient Exact Optimization of Language Model Alignment", Eq. 16): the
/// reverse KL from the model's pair distribution p = σ(β·h) to the ε-smoothed label distribution,
/// L = σ(β·h)·(log σ(β·h) − log(1 − ε)) + σ(−β·h)·(log σ(−β·h) − log ε). ε = 1e-3, β = 0.1 (TRL). TRL: loss_type="exo_pair".
/// </summary>
public static class ExoPairLoss
{
    /// <summary>Per-pair losses (B).</summary>
    public static Tensor Compute(Tensor chosenLogRatio, Tensor rejectedLogRatio, double beta, double epsilon)
    {
        var logits = beta * (chosenLogRatio - rejectedLogRatio);
        return logits.sigmoid() * (StableMath.LogSigmoid(logits) - Math.Log(1 - epsilon))
            + (-logits).sigmoid() * (StableMath.LogSigmoid(-logits) - Math.Log(epsilon));
    }
}
