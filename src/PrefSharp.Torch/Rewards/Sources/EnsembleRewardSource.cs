namespace PrefSharp.Torch.Rewards.Sources;

/// <summary>
/// A conservative pointwise reward from K pointwise members (Coste et al. 2024, "Reward Model Ensembles Help Mitigate
/// Overoptimization", §3): the mean, worst-case WCO = min_k r_k, or uncertainty-weighted UWO = mean_k r_k − λ·Var_k r_k
/// (<see cref="EnsembleAggregation"/>). Its pointwise scores are the aggregate.
/// </summary>
public sealed class EnsembleRewardSource : IGroupRewardSource
{
    private readonly IReadOnlyList<IGroupRewardSource> members;
    private readonly EnsembleAggregationKind kind;
    private readonly double lambda;

    private EnsembleRewardSource(string name, IReadOnlyList<IGroupRewardSource> members, EnsembleAggregationKind kind, double lambda = 0)
    {
        if (members.Count < 2) throw new ArgumentException($"an ensemble needs ≥ 2 members, found {members.Count}", nameof(members));
        if (members.Any(m => m.IsPairwise)) throw new ArgumentException("ensemble members must be pointwise reward sources", nameof(members));
        Name = name;
        this.members = members;
        (this.kind, this.lambda) = (kind, lambda);
    }

    public string Name { get; }

    public bool IsPairwise => false;

    /// <summary>WCO: the lowest member's reward.</summary>
    public static EnsembleRewardSource WorstCase(IReadOnlyList<IGroupRewardSource> members) =>
        new("wco", members, EnsembleAggregationKind.WorstCase);

    /// <summary>UWO: mean − λ·variance over members (λ ≥ 0).</summary>
    public static EnsembleRewardSource UncertaintyWeighted(IReadOnlyList<IGroupRewardSource> members, double lambda) =>
        new($"uwo-{lambda}", members, EnsembleAggregationKind.UncertaintyWeighted, lambda);

    /// <summary>The plain mean of the members.</summary>
    public static EnsembleRewardSource Mean(IReadOnlyList<IGroupRewardSource> members) => new("mean", members, EnsembleAggregationKind.Mean);

    public GroupScores Score(IReadOnlyList<CompletionGroup> groups)
    {
        var rewards = EnsembleAggregation.Aggregate([.. members.Select(m => m.Score(groups).Rewards.ToArray())], kind, lambda);
        return new GroupScores(rewards, rewards);
    }
}
