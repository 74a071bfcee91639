using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Preference;

/// <summary>
/// DiscoPOP / log-ratio modulated loss (Chan et al. 2024, "Discovering Preference Optimization Algorithms with and
/// for Large Language Models", Eq. 5): with x = β·h and m = σ(x/τ),
/// L = (1 − m)·(−log σ(x)) + m·e^{−x}. Defaults (TRL): β = 0.1, τ = 0.05.
/// The product m·e^{−x} is computed as exp(−x + log σ(x/τ)), which is finite for every x (the paper's form
/// overflows for x ≲ −89 in float32). TRL: loss_type="discopop".
/// </summary>
public static class DiscoPopLoss
{
    /// <summary>Per-pair losses (B).</summary>
    public static Tensor Compute(Tensor chosenLogRatio, Tensor rejectedLogRatio, double beta, double tau)
    {
        var logits = beta * (chosenLogRatio - rejectedLogRatio);
        var logistic = -StableMath.LogSigmoid(logits) * (-logits / tau).sigmoid();
        var exponential = (StableMath.LogSigmoid(logits / tau) - logits).clamp_max(StableMath.ExpCap).exp();
        return logistic + exponential;
    }
}
