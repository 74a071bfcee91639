using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Reward;

/// <summary>
/// The General Preference Model head (Zhang et al. 2024, "Beyond Bradley–Terry Models: A General Preference Model for
/// Language Model Alignment", Eq. 4–5 and §4): each response gets an embedding v ∈ ℝ^{2k} and
/// s(y_i ≻ y_j) = ⟨R v_i, v_j⟩ with R block-diagonal and skew-symmetric, block l = λ_l·[[0, 1], [−1, 0]], so
/// ⟨R u, v⟩ = Σ_l λ_l (u_{2l+1} v_{2l} − u_{2l} v_{2l+1}); P(y_i ≻ y_j) = σ(s / β), ℓ = −log σ(s(y_c ≻ y_r) / β).
/// The score is antisymmetric (s(i≻j) = −s(j≻i)), so it represents cyclic (intransitive) preferences that a scalar
/// reward cannot. λ_l ≥ 0 are the prompt-dependent eigenvalues of the paper's eigenvalue gate (all 1 when not given).
/// The paper L2-normalises each embedding before scoring (<see cref="Normalize"/>); default β = 1.
/// Same block convention as the item-level <c>PrefSharp.Core.Ranking.Intransitive.GeneralPreferenceModel</c>.
/// </summary>
public static class GeneralPreferenceLoss
{
    /// <summary>s(u ≻ v) for embeddings (B, 2k); optional eigenvalues (B, k) or (k).</summary>
    public static Tensor Score(Tensor u, Tensor v, Tensor? eigenvalues = null)
    {
        if (u.dim() != 2 || u.shape[1] % 2 != 0 || !u.shape.SequenceEqual(v.shape))
            throw new ArgumentException($"embeddings must be (B, 2k) and equal in shape; found [{string.Join(", ", u.shape)}] and [{string.Join(", ", v.shape)}]", nameof(v));
        using var scope = NewDisposeScope();
        var pairs = u.shape[1] / 2;
        var uBlocks = u.view(-1, pairs, 2);                                                  // (B, k, 2)
        var vBlocks = v.view(-1, pairs, 2);
        var perBlock = uBlocks.select(2, 1) * vBlocks.select(2, 0) - uBlocks.select(2, 0) * vBlocks.select(2, 1); // (B, k)
        if (eigenvalues is not null) perBlock = perBlock * eigenvalues;
        return perBlock.sum(1).MoveToOuterDisposeScope();
    }

    /// <summary>Each row scaled to unit L2 norm (B, 2k).</summary>
    public static Tensor Normalize(Tensor embeddings)
    {
        using var scope = NewDisposeScope();
        return nn.functional.normalize(embeddings, p: 2, dim: 1).MoveToOuterDisposeScope();
    }

    /// <summary>Per-pair losses (B) −log σ(s(chosen ≻ rejected) / β).</summary>
    public static Tensor Compute(Tensor chosenEmbedding, Tensor rejectedEmbedding, Tensor? eigenvalues = null, double beta = 1.0)
    {
        if (!(beta > 0)) throw new ArgumentException($"beta must be > 0, found {beta}", nameof(beta));
        using var scope = NewDisposeScope();
        var score = Score(chosenEmbedding, rejectedEmbedding, eigenvalues);
        return nn.functional.softplus(score.div(-beta)).MoveToOuterDisposeScope();
    }
}
