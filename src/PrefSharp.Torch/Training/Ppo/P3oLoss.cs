using PrefSharp.Torch.Training.Grpo;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Ppo;

/// <summary>
/// Pairwise Proximal Policy Optimization (Wu et al. 2023, "Pairwise Proximal Policy Optimization: Harnessing Relative
/// Feedback for LLM Alignment", §4): two completions y₁, y₂ of one prompt, trajectory-wise. The pairwise policy
/// gradient (§4.1) is E[(r(y₁) − r(y₂))·∇(log π_θ(y₁|x) − log π_θ(y₂|x)) / 2]; its proximal form (§4.2, Algorithm 1)
/// replaces log π_θ(y|x) by the trajectory ratio ρ(y) = π_θ(y|x)/π_old(y|x) and clips it, per sample with
/// Δ_i = r̃(y_i) − r̃(y_j):
/// separate (V1) ℓ_i = ½·max(−Δ_i·ρ_i, −Δ_i·clip(ρ_i, 1 − ε, 1 + ε));
/// joint (V2) ℓ_i = ¼·max(−Δ_i·ρ_i/ρ_j, −Δ_i·clip(ρ_i/ρ_j, 1 − ε, 1 + ε)), both orderings of the pair summed.
/// The factors ½ and ¼ make the gradient of each pair's loss at ρ = 1 exactly the pairwise policy gradient above.
/// The rewards r̃ = r − β·Σ_t (log π_old − log π_ref) carry the KL penalty, as in PPO.
/// </summary>
/// <remarks>
/// Relation to RLOO (Ahmadian et al. 2024, Eq. 6): with G = 2 the leave-one-out baseline of a sample is the other
/// sample's reward, so RLOO's advantages are exactly ±Δ and its unclipped gradient ½Σ_i Δ_i·∇log π(y_i) is the
/// pairwise policy gradient. P3O is therefore RLOO at G = 2 with a trajectory-level ratio: "separate" clips each
/// sample's sequence ratio (RLOO/GRPO clip per token), "joint" clips the ratio of the pair's ratios, so a policy change
/// that scales both samples' probabilities alike is never clipped; that has no RLOO counterpart. Both are invariant to a
/// per-prompt shift of the reward (§4.1), which PPO with a value model is not.
/// </remarks>
public static class P3oLoss
{
    /// <summary>Rewards (B·2), pairs in consecutive rows → Δ_i = r_i − r_partner (B·2).</summary>
    public static Tensor PairDifferences(Tensor rewards)
    {
        using var scope = NewDisposeScope();
        var pairs = GroupLayout.Grouped(rewards, 2);                                             // (B, 2)
        return (pairs - pairs.flip(1)).reshape(-1).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Σ over rows of ℓ_i (a pair's loss is the sum over its two rows; divide by the number of pairs for the mean)
    /// and the rows whose clipped branch was taken; per-token log-probs and mask are (B·2, T − 1), Δ is (B·2).
    /// </summary>
    public static (Tensor Sum, Tensor Clipped) Compute(Tensor logProbs, Tensor oldLogProbs, Tensor mask, Tensor differences,
        P3oClipping clipping, double epsilon)
    {
        if (!(epsilon > 0 && epsilon < 1)) throw new ArgumentException($"must be in (0, 1), found {epsilon}", nameof(epsilon));
        if (differences.dim() != 1 || differences.shape[0] != logProbs.shape[0])
            throw new ArgumentException($"differences must be (B·2) = ({logProbs.shape[0]}), found [{string.Join(", ", differences.shape)}]", nameof(differences));
        using var scope = NewDisposeScope();
        var logRatio = ((logProbs - oldLogProbs) * mask.to(logProbs.dtype)).sum(1);              // (B·2) log ρ_i
        var (ratioLog, factor) = clipping == P3oClipping.Joint
            ? (logRatio - GroupLayout.Grouped(logRatio, 2, "log ratios").flip(1).reshape(-1), 0.25)
            : (logRatio, 0.5);
        var ratio = ratioLog.exp();
        var delta = differences.to(logProbs.dtype);
        var unclipped = -delta * ratio;
        var clipped = -delta * ratio.clamp(1 - epsilon, 1 + epsilon);
        var sum = factor * maximum(unclipped, clipped).sum();
        using var noGrad = no_grad();
        var clippedRows = clipped.gt(unclipped).to(logProbs.dtype).sum();
        return (sum.MoveToOuterDisposeScope(), clippedRows.MoveToOuterDisposeScope());
    }
}
