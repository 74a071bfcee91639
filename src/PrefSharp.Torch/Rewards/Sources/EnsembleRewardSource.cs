using PrefSharp.Torch.Rewards.Shaping;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Rewards.Sources;

/// <summary>
/// A conservative pointwise reward from K pointwise members (Coste et al. 2024, "Reward Model Ensembles Help Mitigate
/// Overoptimization", §3): the mean, worst-case WCO = min_k r_k, or uncertainty-weighted UWO = mean_k r_k − λ·Var_k r_k
/// (<see cref="ConservativeEnsemble"/>). Its pointwise scores are the aggregate.
/// </summary>
public sealed class EnsembleRewardSource : IGroupRewardSource
{
    private readonly IReadOnlyList<IGroupRewardSource> members;
    private readonly Func<Tensor, Tensor> aggregate;

    private EnsembleRewardSource(string name, IReadOnlyList<IGroupRewardSource> members, Func<Tensor, Tensor> aggregate)
    {
        if (members.Count < 2) throw new ArgumentException($"an ensemble needs ≥ 2 members, found {members.Count}", nameof(members));
        if (members.Any(m => m.IsPairwise)) throw new ArgumentException("ensemble members must be pointwise reward sources", nameof(members));
        Name = name;
        this.members = members;
        this.aggregate = aggregate;
    }

    public string Name { get; }

    public bool IsPairwise => false;

    /// <summary>WCO: the lowest member's reward.</summary>
    public static EnsembleRewardSource WorstCase(IReadOnlyList<IGroupRewardSource> members) =>
        new("wco", members, ConservativeEnsemble.WorstCase);

    /// <summary>UWO: mean − λ·variance over members (λ ≥ 0).</summary>
    public static EnsembleRewardSource UncertaintyWeighted(IReadOnlyList<IGroupRewardSource> members, double lambda) =>
        new($"uwo-{lambda}", members, r => ConservativeEnsemble.UncertaintyWeighted(r, lambda));

    /// <summary>The plain mean of the members.</summary>
    public static EnsembleRewardSource Mean(IReadOnlyList<IGroupRewardSource> members) => new("mean", members, r => r.mean([1]));

    public GroupScores Score(IReadOnlyList<CompletionGroup> groups)
    {
        using var scope = NewDisposeScope();
        var columns = members.Select(m => tensor(m.Score(groups).Rewards)).ToArray();
        var rewards = aggregate(stack(columns, 1)).to(ScalarType.Float64).data<double>().ToArray();   // (N, K) → (N)
        return new GroupScores(rewards, rewards);
    }
}
