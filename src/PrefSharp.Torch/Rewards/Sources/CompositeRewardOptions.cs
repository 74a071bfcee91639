using PrefSharp.Torch.Rewards.Shaping;

namespace PrefSharp.Torch.Rewards.Sources;

/// <summary>How a <see cref="CompositeRewardSource"/> shapes, aggregates and constrains its K terms.</summary>
public sealed record CompositeRewardOptions
{
    /// <summary>w_k, one per term (default all 1).</summary>
    public IReadOnlyList<double>? Weights { get; init; }

    /// <summary>How the (shaped) terms become one reward.</summary>
    public RewardAggregationKind Aggregation { get; init; } = RewardAggregationKind.WeightedSum;

    /// <summary>PAR (<see cref="PreferenceAsReward"/>): every term becomes (1/M) Σ_m σ(r − r_ref,m) before aggregation.</summary>
    public bool PreferenceAsReward { get; init; }

    /// <summary>Upper bounds on terms, enforced by Lagrange multipliers (<see cref="LagrangeMultipliers"/>).</summary>
    public IReadOnlyList<RewardConstraint> Constraints { get; init; } = [];

    /// <summary>η of the multipliers' projected gradient step (PrefSharp's default; the paper tunes it).</summary>
    public double ConstraintLearningRate { get; init; } = 0.1;
}
