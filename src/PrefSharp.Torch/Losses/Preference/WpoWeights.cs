using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Preference;

/// <summary>
/// WPO pair weights (Zhou et al. 2024, "WPO: Enhancing RLHF with Weighted Preference Optimization", EMNLP, §3.2–3.3,
/// Eq. 1 (the loss weighted by w(x, y_w)·w(x, y_l), weights detached) and Eq. 2 (the sampled-alignment weight, the
/// paper's default); numbers read in the arXiv 2406.11827v2 text): off-policy
/// pairs are re-weighted by how likely the current policy is to produce them, so that the update resembles on-policy
/// learning. Per response, the length-normalised log-weight with the "sampled alignment" normaliser Σ_v π(v)²:
/// log w(x, y) = (1/|y|) Σ_t log [π_θ(y_t | x, y_&lt;t) / Σ_v π_θ(v | x, y_&lt;t)²] = mean_t [z_{y_t} + lse(z_t) − lse(2·z_t)]
/// for logits z_t; the pair's weight is w(x, y_w)·w(x, y_l), without gradient, clamped to ≤ 1 (a ratio above 1
/// occurs when the sampled token is the policy's most likely one), so it only ever down-weights a pair. The clamp is
/// the reference code's (wzhouad/WPO, scripts/run_wpo.py), not the paper's, whose Fig. 2 shows weights above 1.
/// Paper defaults: DPO loss, β = 0.01 (Mistral-base, lr 5e-7, batch 128, one epoch).
/// </summary>
public static class WpoWeights
{
    /// <summary>log w per sequence (N) from logits (N, T, V), labels (N, T) and a scored mask (N, T); 0 for a sequence with nothing scored.</summary>
    public static Tensor LogWeights(Tensor logits, Tensor labels, Tensor mask)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var z = logits.detach().to(logits.dtype == ScalarType.Float64 ? ScalarType.Float64 : ScalarType.Float32);
        var picked = z.gather(-1, labels.to(ScalarType.Int64).clamp_min(0).unsqueeze(-1)).squeeze(-1);    // (N, T)
        var perToken = picked + z.logsumexp(-1) - (2 * z).logsumexp(-1);                               // log p_y − log Σ p²
        var scored = mask.to(z.dtype);
        return ((perToken * scored).sum(1) / scored.sum(1).clamp_min(1)).MoveToOuterDisposeScope();
    }

    /// <summary>Pair weights (B): exp(log w_chosen + log w_rejected), clamped to ≤ 1.</summary>
    public static Tensor PairWeights(Tensor chosenLogWeights, Tensor rejectedLogWeights) =>
        (chosenLogWeights + rejectedLogWeights).exp().clamp_max(1.0);
}
