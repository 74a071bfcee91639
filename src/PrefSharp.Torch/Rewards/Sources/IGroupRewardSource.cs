namespace PrefSharp.Torch.Rewards.Sources;

/// <summary>
/// Where an online trainer gets its rewards: a pointwise scorer (a reward model, a function such as the gym's gold
/// utility) or a pairwise one (win rates inside each group from a preference model or a judge).
/// </summary>
public interface IGroupRewardSource
{
    /// <summary>Short name for logs ("rm", "gold", "bt-win-rate", "judge").</summary>
    string Name { get; }

    /// <summary>True when rewards are win rates within the group (Pref-GRPO), false for pointwise scores.</summary>
    bool IsPairwise { get; }

    /// <summary>Rewards of every completion of every group; all groups have the same size.</summary>
    GroupScores Score(IReadOnlyList<CompletionGroup> groups);
}
