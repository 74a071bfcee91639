using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Reward;

/// <summary>
/// PAL's ideal-point mixture (Chen et al. 2024, "PAL: Pluralistic Alignment Framework for Learning from Heterogeneous
/// Preferences", arXiv 2406.08469, §3: the ideal point model with mixture modelling, the PAL-A formulation). Each
/// completion has a learned embedding f(x, y) ∈ ℝ^D, the population K prototype ideal points p_k ∈ ℝ^D, and user i
/// the ideal point a_i = Σ_k w_ik p_k with w_i on the simplex (w_i = softmax(ℓ_i)). User i prefers the completion
/// closer to a_i:
/// <code>
/// r_i(x, y) = −‖f(x, y) − a_i‖²
/// P(y_c ≻ y_r | x, i) = σ(‖f(x, y_r) − a_i‖² − ‖f(x, y_c) − a_i‖²)
/// ℓ = −log P(y_c ≻ y_r | x, i) = softplus(‖f_c − a_i‖² − ‖f_r − a_i‖²)
/// </code>
/// No hyper-parameters beyond K and D.
/// </summary>
public static class IdealPointRewardLoss
{
    /// <summary>Ideal points a = w P (B, D) from simplex weights (B, K) and prototypes (K, D).</summary>
    public static Tensor IdealPoints(Tensor weights, Tensor prototypes)
    {
        if (weights.dim() != 2 || prototypes.dim() != 2 || weights.shape[1] != prototypes.shape[0])
            throw new ArgumentException($"weights must be (B, K) and prototypes (K, D); found [{string.Join(", ", weights.shape)}] and [{string.Join(", ", prototypes.shape)}]");
        return weights.matmul(prototypes);
    }

    /// <summary>Rewards r = −‖f − a‖² (B) of embeddings (B, D) for ideal points (B, D).</summary>
    public static Tensor Rewards(Tensor embeddings, Tensor idealPoints)
    {
        using var scope = NewDisposeScope();
        if (embeddings.dim() != 2 || !embeddings.shape.SequenceEqual(idealPoints.shape))
            throw new ArgumentException($"embeddings and ideal points must both be (B, D); found [{string.Join(", ", embeddings.shape)}] and [{string.Join(", ", idealPoints.shape)}]");
        return (embeddings - idealPoints).square().sum(1).neg().MoveToOuterDisposeScope();
    }

    /// <summary>The preference logit r_i(y_c) − r_i(y_r) (B) = ‖f_r − a‖² − ‖f_c − a‖².</summary>
    public static Tensor Logits(Tensor chosen, Tensor rejected, Tensor idealPoints)
    {
        using var scope = NewDisposeScope();
        return (Rewards(chosen, idealPoints) - Rewards(rejected, idealPoints)).MoveToOuterDisposeScope();
    }

    /// <summary>Per-pair losses (B): softplus(−logit).</summary>
    public static Tensor Compute(Tensor chosen, Tensor rejected, Tensor idealPoints)
    {
        using var scope = NewDisposeScope();
        return nn.functional.softplus(Logits(chosen, rejected, idealPoints).neg()).MoveToOuterDisposeScope();
    }
}
