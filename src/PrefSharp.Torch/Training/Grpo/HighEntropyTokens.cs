using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Grpo;

/// <summary>
/// The "forking tokens" of Wang et al. 2025 ("Beyond the 80/20 Rule: High-Entropy Minority Tokens Drive Effective
/// Reinforcement Learning for LLM Reasoning", arXiv 2506.01939): keep in the policy loss only the tokens whose entropy is in
/// the top ρ of the batch. As TRL's <c>top_entropy_quantile</c>: the threshold is the (1 − ρ)-quantile (linear
/// interpolation, as <c>torch.quantile</c>) of the scored tokens' entropies, and a token is kept when H ≥ threshold.
/// The quantile is taken over the micro-batch the loss sees. The paper recommends ρ = 0.2.
/// </summary>
public static class HighEntropyTokens
{
    /// <summary>entropies (B, T), mask (B, T), ρ in [0, 1] → (B, T) mask in the entropies' dtype, 1 for kept tokens.</summary>
    public static Tensor Mask(Tensor entropies, Tensor mask, double topQuantile)
    {
        if (!(topQuantile >= 0 && topQuantile <= 1)) throw new ArgumentException($"must be in [0, 1], found {topQuantile}", nameof(topQuantile));
        using var scope = NewDisposeScope();
        var scored = mask.to(ScalarType.Bool);
        var values = entropies.detach().masked_select(scored).sort().Values;                    // ascending
        var count = values.shape[0];
        if (count == 0) return zeros_like(entropies).MoveToOuterDisposeScope();
        var position = (1 - topQuantile) * (count - 1);
        var below = (long)Math.Floor(position);
        var above = Math.Min(below + 1, count - 1);
        var threshold = values[below] + (values[above] - values[below]) * (position - below);
        return entropies.detach().ge(threshold).logical_and(scored).to(entropies.dtype).MoveToOuterDisposeScope();
    }
}
