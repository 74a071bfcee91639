using PrefSharp.Core.Data;

namespace PrefSharp.Core.Metrics;

/// <summary>
/// The length-only baseline of reward-model evaluation: "the longer completion is better", scored like a reward
/// (r = number of characters), so equal lengths count ½ (Singhal et al. 2023, "A Long Way to Go", show that length
/// alone explains much of what reward models learn; every reward model should be compared with it).
/// </summary>
public static class LengthBaseline
{
    /// <summary>Pairwise accuracy of r = character length on (chosen, rejected) texts.</summary>
    public static double Accuracy(IReadOnlyList<(string Chosen, string Rejected)> pairs) => PairwiseAccuracy.Compute(
        pairs.Select(p => (double)p.Chosen.Length).ToArray(), pairs.Select(p => (double)p.Rejected.Length).ToArray()).Accuracy;

    /// <summary>The same on preference pairs (plain text of the completions).</summary>
    public static double Accuracy(IReadOnlyList<PreferencePair> pairs) =>
        Accuracy(pairs.Select(p => (p.Chosen.ToPlainText(), p.Rejected.ToPlainText())).ToArray());
}
