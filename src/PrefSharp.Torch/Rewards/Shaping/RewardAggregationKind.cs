namespace PrefSharp.Torch.Rewards.Shaping;

/// <summary>How <see cref="Sources.CompositeRewardSource"/> turns K rewards per completion into the one GRPO trains on.</summary>
public enum RewardAggregationKind
{
    /// <summary>Σ_k w_k r_k (TRL's <c>sum_then_normalize</c>, its default for several reward functions).</summary>
    WeightedSum,

    /// <summary>
    /// Σ_k w_k Â_k with Â_k each reward's own group advantage (GDPO, Liu et al. 2026, arXiv 2601.05242; TRL's
    /// <c>normalize_then_sum</c>); the trainer then whitens the sum over the batch, as TRL does.
    /// </summary>
    NormalizeThenSum,

    /// <summary>Σ_k w_k log σ(r_k − r_ref,k(x)) (Wang et al. 2024, "Transforming and Combining Rewards", §3): the sum is a logical AND.</summary>
    LogSigmoid,

    /// <summary>PaCo-RL's log-tamed weighted sum (<see cref="LogTamedAggregation"/>).</summary>
    LogTamed,

    /// <summary>MaxMin-RLHF: the reward of the group worst off in the batch (<see cref="MaxMinAggregation"/>).</summary>
    MaxMin,
}
