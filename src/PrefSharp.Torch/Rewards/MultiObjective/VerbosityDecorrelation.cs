using static TorchSharp.torch;

namespace PrefSharp.Torch.Rewards.MultiObjective;

/// <summary>
/// ArmoRM's verbosity de-correlation (Wang et al. 2024, "Interpretable Preferences via Multi-Objective Reward Modeling
/// and Mixture-of-Experts", §3.2): before gating, every objective is adjusted as r'_i = r_i − λ_i·r_v, where v is the
/// verbosity objective and λ_i makes r'_i uncorrelated with r_v on a reference distribution, so a non-negative gate
/// cannot buy verbosity through correlated objectives. Here λ_i = Cov(r_i, r_v) / Var(r_v), the closed form that makes
/// the Pearson correlation exactly 0 (λ_v = 1, so the verbosity objective itself drops out of the gated score). The
/// paper targets Spearman correlation and its reference code grid-searches λ ∈ {0, 0.01, …, 0.95} until the Spearman
/// correlation is ≤ 0.03 (0.028 in the helper's default); PrefSharp solves the linear version exactly instead.
/// The adjustment is the matrix M = I − e_v λᵀ: r' = r M.
/// </summary>
public static class VerbosityDecorrelation
{
    /// <summary>λ (k) from reference rewards (N, k) and the verbosity column; float64.</summary>
    public static Tensor Penalties(Tensor referenceRewards, int verbosityIndex)
    {
        if (referenceRewards.dim() != 2 || referenceRewards.shape[0] < 2)
            throw new ArgumentException("reference rewards must be (N, k) with N ≥ 2", nameof(referenceRewards));
        if (verbosityIndex < 0 || verbosityIndex >= referenceRewards.shape[1])
            throw new ArgumentException($"verbosity objective index must be in [0, {referenceRewards.shape[1] - 1}], found {verbosityIndex}", nameof(verbosityIndex));
        using var scope = NewDisposeScope();
        var centred = referenceRewards.to(ScalarType.Float64) - referenceRewards.to(ScalarType.Float64).mean([0], keepdim: true);   // (N, k)
        var verbosity = centred.select(1, verbosityIndex);                                                                                  // (N)
        var variance = verbosity.square().sum();
        if (variance.item<double>() <= 1e-12)
            throw new ArgumentException("the verbosity objective is constant on the reference data; it cannot be de-correlated", nameof(referenceRewards));
        return (verbosity.unsqueeze(1) * centred).sum([0]).div(variance).MoveToOuterDisposeScope();                                       // (k)
    }

    /// <summary>M = I − e_v λᵀ (k, k), float32, so that (r M)_i = r_i − λ_i r_v.</summary>
    public static Tensor TransformMatrix(Tensor penalties, int verbosityIndex)
    {
        using var scope = NewDisposeScope();
        var k = penalties.shape[0];
        var matrix = eye(k, dtype: ScalarType.Float64);
        matrix[verbosityIndex] = matrix[verbosityIndex] - penalties.to(ScalarType.Float64);
        return matrix.to(ScalarType.Float32).MoveToOuterDisposeScope();
    }

    /// <summary>r' = r M: rewards (B, k) → adjusted rewards (B, k).</summary>
    public static Tensor Apply(Tensor rewards, Tensor transform)
    {
        using var scope = NewDisposeScope();
        return rewards.matmul(transform.to(rewards.dtype)).MoveToOuterDisposeScope();
    }
}
