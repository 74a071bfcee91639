using PrefSharp.Recipes.RewardModels;
using PrefSharp.Torch.Rewards.Shaping;

namespace PrefSharp.Recipes.Rewards;

/// <summary>How the <c>--reward</c> terms of a run become one reward (<see cref="ComposedReward"/>); defaults leave a single reward as it is.</summary>
public sealed record RewardCompositionOptions
{
    /// <summary>Weighted sum, normalise-then-sum (GDPO), log-sigmoid (Wang et al.) or log-tamed (PaCo-RL).</summary>
    public RewardAggregationKind Aggregation { get; init; } = RewardAggregationKind.WeightedSum;

    /// <summary>PAR shaping of every term, σ(r − r_ref) (Fu et al. 2025).</summary>
    public bool PreferenceAsReward { get; init; }

    /// <summary>Upper bounds E[r_k] ≤ θ_k (Moskovitz et al. 2024); <see cref="RewardConstraint.Term"/> is 0-based.</summary>
    public IReadOnlyList<RewardConstraint> Constraints { get; init; } = [];

    /// <summary>η of the Lagrange multipliers' projected step.</summary>
    public double ConstraintLearningRate { get; init; } = 0.1;

    /// <summary>How ensemble folders given as rm:DIR combine their members.</summary>
    public RewardEnsembleChoice Ensemble { get; init; } = new();

    /// <summary>M, reference responses per prompt sampled from the reference policy for PAR and log-sigmoid (PAR finds M = 1 enough).</summary>
    public int ReferenceSamples { get; init; } = 1;

    /// <summary>True when the terms need reference rewards (PAR or the log-sigmoid transform).</summary>
    public bool NeedsReferences => PreferenceAsReward || Aggregation == RewardAggregationKind.LogSigmoid;
}
