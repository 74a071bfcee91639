namespace PrefSharp.Core.Metrics;

/// <summary>
/// Pairwise (ranking) accuracy of a reward model: the share of pairs where the chosen response gets the higher reward,
/// as RewardBench reports it (Lambert et al. 2024), overall and per subset. A tie (equal rewards) counts as ½: it is
/// a coin flip, neither right nor wrong (RewardBench counts ties as wrong; PrefSharp does not, so a constant model
/// scores exactly 0.5).
/// </summary>
public static class PairwiseAccuracy
{
    /// <summary>Accuracy of rewards <paramref name="chosen"/>[i] vs <paramref name="rejected"/>[i]; optional subset name per pair.</summary>
    public static PairwiseAccuracyResult Compute(IReadOnlyList<double> chosen, IReadOnlyList<double> rejected,
        IReadOnlyList<string?>? subsets = null)
    {
        if (chosen.Count != rejected.Count)
            throw new ArgumentException($"chosen has {chosen.Count} rewards and rejected {rejected.Count}; they must pair up", nameof(rejected));
        if (subsets is not null && subsets.Count != chosen.Count)
            throw new ArgumentException($"subsets has {subsets.Count} names for {chosen.Count} pairs", nameof(subsets));
        if (chosen.Count == 0) throw new ArgumentException("no pairs to score", nameof(chosen));
        double total = 0;
        var groups = new SortedDictionary<string, (double Score, int Count)>(StringComparer.Ordinal);
        for (var i = 0; i < chosen.Count; i++)
        {
            if (double.IsNaN(chosen[i]) || double.IsNaN(rejected[i])) throw new ArgumentException($"pair {i}: reward is NaN", nameof(chosen));
            var score = chosen[i] > rejected[i] ? 1.0 : chosen[i] < rejected[i] ? 0.0 : 0.5;
            total += score;
            if (subsets?[i] is { } name)
            {
                var (sum, count) = groups.GetValueOrDefault(name);
                groups[name] = (sum + score, count + 1);
            }
        }
        var perSubset = groups.ToDictionary(g => g.Key, g => new SubsetAccuracy(g.Value.Score / g.Value.Count, g.Value.Count), StringComparer.Ordinal);
        return new PairwiseAccuracyResult(total / chosen.Count, chosen.Count, perSubset);
    }
}
