using PrefSharp.Torch.Batches;

namespace PrefSharp.Torch.Rewards.Sources;

/// <summary>
/// One scalar reward per completion, r(x, y), from a batch scorer: a reward model (<see cref="FromRewardModel"/>) or
/// any function (<see cref="FromFunction"/>, e.g. the gym's gold utility or its bag-of-words proxy). GRPO then
/// normalises the rewards within each group (Shao et al. 2024, §4.1.2).
/// </summary>
public sealed class PointwiseRewardSource(string name, Func<IReadOnlyList<(string Prompt, string Completion)>, double[]> score)
    : IGroupRewardSource
{
    public string Name { get; } = name;

    public bool IsPairwise => false;

    /// <summary>r(x, y) evaluated one completion at a time.</summary>
    public static PointwiseRewardSource FromFunction(string name, Func<string, string, double> reward) =>
        new(name, items => items.Select(i => reward(i.Prompt, i.Completion)).ToArray());

    /// <summary>A scalar reward model; <paramref name="encode"/> turns (prompt, completion) into the sequence it scores.</summary>
    public static PointwiseRewardSource FromRewardModel(RewardModel model, Func<string, string, TokenizedSequence> encode,
        int batchSize = 16, string name = "rm") =>
        new(name, items => RewardScorer.Score(model, items.Select(i => encode(i.Prompt, i.Completion)).ToList(), batchSize));

    public GroupScores Score(IReadOnlyList<CompletionGroup> groups)
    {
        var items = groups.SelectMany(g => g.Completions.Select(c => (g.Prompt, c))).ToList();
        var rewards = score(items);
        if (rewards.Length != items.Count)
            throw new InvalidOperationException($"reward source {Name} returned {rewards.Length} rewards for {items.Count} completions");
        return new GroupScores(rewards, rewards);
    }
}
