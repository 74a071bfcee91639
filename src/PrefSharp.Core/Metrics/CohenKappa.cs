namespace PrefSharp.Core.Metrics;

/// <summary>
/// Cohen's κ (Cohen 1960) for two raters who labelled the same items with nominal labels:
/// κ = (p_o − p_e) / (1 − p_e), with p_o the observed agreement and p_e = Σ_k p_a(k)·p_b(k) the agreement
/// expected by chance from each rater's label frequencies. 1 is perfect agreement, 0 chance level.
/// </summary>
public static class CohenKappa
{
    /// <summary>
    /// κ of two label sequences of the same length (item i labelled <paramref name="first"/>[i] and <paramref name="second"/>[i]).
    /// NaN when undefined: no items, or p_e = 1 (both raters always gave the same single label).
    /// </summary>
    public static double Compute<TLabel>(IReadOnlyList<TLabel> first, IReadOnlyList<TLabel> second) where TLabel : notnull
    {
        if (first.Count != second.Count)
        {
            throw new ArgumentException($"both raters must label the same items; got {first.Count} and {second.Count} labels", nameof(second));
        }
        var items = first.Count;
        if (items == 0)
        {
            return double.NaN;
        }
        var countsFirst = new Dictionary<TLabel, int>();
        var countsSecond = new Dictionary<TLabel, int>();
        var agreements = 0;
        for (var i = 0; i < items; i++)
        {
            countsFirst[first[i]] = countsFirst.GetValueOrDefault(first[i]) + 1;
            countsSecond[second[i]] = countsSecond.GetValueOrDefault(second[i]) + 1;
            if (EqualityComparer<TLabel>.Default.Equals(first[i], second[i]))
            {
                agreements++;
            }
        }
        var observed = (double)agreements / items;
        var chance = countsFirst.Sum(pair => (double)pair.Value * countsSecond.GetValueOrDefault(pair.Key)) / ((double)items * items);
        return chance >= 1.0 ? double.NaN : (observed - chance) / (1 - chance);
    }
}
