using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Ppo;

/// <summary>
/// The per-token reward of the classic RLHF recipe (Ziegler et al. 2019, "Fine-Tuning Language Models from Human
/// Preferences", §2.1 Eq. 2; Ouyang et al. 2022, InstructGPT, Eq. 2): R(x, y) = r(x, y) − β·log(π(y|x)/π_ref(y|x)),
/// spread over the tokens as r_t = −β·(log π_old(y_t) − log π_ref(y_t)) at every completion token (the k1 estimator
/// of the KL, the "non-score reward" of TRL's PPOTrainer) plus the sequence reward r(x, y) at the last completion
/// token. Summed over a completion, r_t gives R(x, y) exactly.
/// </summary>
public static class TokenRewards
{
    /// <summary>
    /// Sequence rewards (B), old and reference log-probs (B, T − 1) and the scored mask (B, T − 1) → per-token rewards
    /// (B, T − 1), 0 where unscored; β = 0 or no reference puts the sequence reward alone at the last token.
    /// </summary>
    public static Tensor Compose(Tensor sequenceRewards, Tensor oldLogProbs, Tensor? refLogProbs, Tensor mask, double beta)
    {
        if (sequenceRewards.dim() != 1 || sequenceRewards.shape[0] != mask.shape[0])
            throw new ArgumentException($"sequence rewards must be (B) = ({mask.shape[0]}), found [{string.Join(", ", sequenceRewards.shape)}]", nameof(sequenceRewards));
        if (!(beta >= 0) || double.IsInfinity(beta)) throw new ArgumentException($"must be finite and ≥ 0, found {beta}", nameof(beta));
        using var scope = NewDisposeScope();
        var m = mask.to(oldLogProbs.dtype);
        var rewards = beta > 0 && refLogProbs is not null ? -beta * (oldLogProbs - refLogProbs) * m : zeros_like(m);
        var last = LastScoredIndex(mask);                                                        // (B)
        var atLast = sequenceRewards.to(rewards.dtype) * (m.sum(1) > 0).to(rewards.dtype);        // a row with no token gets nothing
        return rewards.scatter_add(1, last.unsqueeze(1), atLast.unsqueeze(1)).MoveToOuterDisposeScope();
    }

    /// <summary>Index of each row's last scored position (0 for a row with none), (B) int64.</summary>
    public static Tensor LastScoredIndex(Tensor mask)
    {
        using var scope = NewDisposeScope();
        var positions = arange(mask.shape[1], dtype: ScalarType.Int64).unsqueeze(0);              // (1, T)
        return (positions * mask.to(ScalarType.Int64)).amax(1).MoveToOuterDisposeScope();
    }
}
