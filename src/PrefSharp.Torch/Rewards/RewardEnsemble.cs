using static TorchSharp.torch;

namespace PrefSharp.Torch.Rewards;

/// <summary>
/// K scalar reward models scored together (Coste et al. 2023): <see cref="MemberRewards"/> stacks each member's
/// normalised rewards, <see cref="Rewards"/> aggregates them (<see cref="EnsembleAggregation"/>), and
/// <see cref="PreferenceStrength"/> turns the members of a pair batch into strengths and mislabel flags. The ensemble
/// owns its members.
/// </summary>
public sealed class RewardEnsemble(IReadOnlyList<RewardModel> members) : IDisposable
{
    private readonly IReadOnlyList<RewardModel> _members = members.Count >= 2 ? members
        : throw new ArgumentException($"an ensemble needs at least 2 members, found {members.Count}", nameof(members));

    /// <summary>The members.</summary>
    public IReadOnlyList<RewardModel> Members => _members;

    /// <summary>Normalised rewards of every member (K, B), without gradients.</summary>
    public Tensor MemberRewards(Tensor inputIds, Tensor attentionMask)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return stack(_members.Select(m => m.Normalize(m.Rewards(inputIds, attentionMask))).ToArray())
            .MoveToOuterDisposeScope();
    }

    /// <summary>Aggregated rewards (B).</summary>
    public Tensor Rewards(Tensor inputIds, Tensor attentionMask, EnsembleAggregationKind kind,
        double uncertaintyPenalty = EnsembleAggregation.DefaultUncertaintyPenalty)
    {
        using var scope = NewDisposeScope();
        return EnsembleAggregation.Aggregate(MemberRewards(inputIds, attentionMask), kind, uncertaintyPenalty).MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        foreach (var member in _members) member.Dispose();
    }
}
