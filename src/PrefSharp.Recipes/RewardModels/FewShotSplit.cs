using PrefSharp.Core.Data;

namespace PrefSharp.Recipes.RewardModels;

/// <summary>
/// The split for evaluating unseen users from k of their comparisons: per annotator, in file order, the first k pairs
/// are the support (what a personalised model may fit the user's mixture on) and the rest the query (what every model
/// is scored on). Annotators with no more than k pairs have no query and are left out.
/// </summary>
public static class FewShotSplit
{
    /// <summary>(support, query) per annotator, in order of first appearance.</summary>
    public static List<(string User, List<PreferencePair> Support, List<PreferencePair> Query)> Split(IReadOnlyList<PreferencePair> pairs, int shots)
    {
        if (shots < 1) throw new ArgumentException($"--few-shot must be ≥ 1 comparison per user, found {shots}");
        return pairs.GroupBy(p => p.AnnotatorId ?? "")
            .Select(g => (g.Key, g.Take(shots).ToList(), g.Skip(shots).ToList()))
            .Where(u => u.Item3.Count > 0)
            .ToList();
    }

    /// <summary>The query pairs of every user, for scoring a model that does not personalise on the same pairs.</summary>
    public static List<PreferencePair> Queries(IReadOnlyList<PreferencePair> pairs, int shots) =>
        Split(pairs, shots).SelectMany(u => u.Query).ToList();
}
