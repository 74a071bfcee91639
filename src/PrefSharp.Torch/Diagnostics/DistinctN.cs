namespace PrefSharp.Torch.Diagnostics;

/// <summary>
/// distinct-n (Li et al. 2016, "A Diversity-Promoting Objective Function for Neural Conversation Models", §4.4): the
/// number of distinct n-grams over a set of samples divided by the total number of n-grams. 1 means no n-gram repeats
/// anywhere; copies of one sample drive it towards 1/copies.
/// </summary>
public static class DistinctN
{
    /// <summary>distinct-n over token sequences; 0 when no sample has n tokens.</summary>
    public static double Compute<T>(IReadOnlyList<IReadOnlyList<T>> samples, int n) where T : IEquatable<T>
    {
        if (n < 1) throw new ArgumentException($"n must be ≥ 1, found {n}", nameof(n));
        var distinct = new HashSet<NGram<T>>();
        long total = 0;
        foreach (var sample in samples)
            for (var start = 0; start + n <= sample.Count; start++)
            {
                distinct.Add(new NGram<T>(sample, start, n));
                total++;
            }
        return total == 0 ? 0 : distinct.Count / (double)total;
    }

    /// <summary>distinct-n over texts split on white space.</summary>
    public static double Compute(IReadOnlyList<string> texts, int n) => Compute(NGram<string>.Words(texts), n);
}
