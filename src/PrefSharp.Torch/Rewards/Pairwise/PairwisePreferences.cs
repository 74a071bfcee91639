using static TorchSharp.torch;

namespace PrefSharp.Torch.Rewards.Pairwise;

/// <summary>Preference matrices (B, G, G), P[b, i, j] = P(y_i ≻ y_j), from the outputs of reward models.</summary>
public static class PairwisePreferences
{
    /// <summary>
    /// Bradley–Terry (Bradley and Terry 1952; Ouyang et al. 2022, Eq. 1): P(i ≻ j) = σ(r_i − r_j) from scalar rewards
    /// (B, G). The win rate of a BT model is a monotone function of the reward only on average over the group.
    /// </summary>
    public static Tensor BradleyTerry(Tensor rewards)
    {
        if (rewards.dim() != 2) throw new ArgumentException($"rewards must be (B, G), found [{string.Join(", ", rewards.shape)}]", nameof(rewards));
        using var scope = NewDisposeScope();
        return (rewards.unsqueeze(2) - rewards.unsqueeze(1)).sigmoid().MoveToOuterDisposeScope();
    }

    /// <summary>
    /// General Preference Model head (Zhang et al. 2024, "Beyond Bradley–Terry", Eq. 4–5): embeddings (B, G, 2k),
    /// P(i ≻ j) = σ(⟨R v_i, v_j⟩ / β) with R block-diagonal of λ_l·[[0, 1], [−1, 0]], i.e. σ(Σ_l λ_l (v_{i,2l+1} v_{j,2l} −
    /// v_{i,2l} v_{j,2l+1}) / β), the convention of <c>PrefSharp.Core.Ranking.Intransitive.GeneralPreferenceModel</c>.
    /// <paramref name="eigenvalues"/> (B, k) are the prompt's gate λ(x) (null: all 1); β &gt; 0 (default 1).
    /// </summary>
    public static Tensor GeneralPreference(Tensor embeddings, Tensor? eigenvalues = null, double beta = 1.0)
    {
        if (embeddings.dim() != 3 || embeddings.shape[2] % 2 != 0 || embeddings.shape[2] == 0)
            throw new ArgumentException($"embeddings must be (B, G, 2k), found [{string.Join(", ", embeddings.shape)}]", nameof(embeddings));
        if (eigenvalues is not null && (eigenvalues.dim() != 2 || eigenvalues.shape[0] != embeddings.shape[0] || eigenvalues.shape[1] * 2 != embeddings.shape[2]))
            throw new ArgumentException($"eigenvalues must be (B, k) = [{embeddings.shape[0]}, {embeddings.shape[2] / 2}], found [{string.Join(", ", eigenvalues.shape)}]", nameof(eigenvalues));
        if (!(beta > 0) || double.IsInfinity(beta)) throw new ArgumentException($"beta must be finite and > 0, found {beta}", nameof(beta));
        using var scope = NewDisposeScope();
        var even = embeddings.slice(2, 0, embeddings.shape[2], 2);                           // (B, G, k) v_{2l}
        var odd = embeddings.slice(2, 1, embeddings.shape[2], 2);                            // (B, G, k) v_{2l+1}
        var scaledOdd = eigenvalues is null ? odd : odd * eigenvalues.unsqueeze(1);         // λ_l v_{i,2l+1}
        var scaledEven = eigenvalues is null ? even : even * eigenvalues.unsqueeze(1);
        var score = scaledOdd.matmul(even.transpose(1, 2)) - scaledEven.matmul(odd.transpose(1, 2)); // (B, G, G)
        return score.div(beta).sigmoid().MoveToOuterDisposeScope();
    }
}
