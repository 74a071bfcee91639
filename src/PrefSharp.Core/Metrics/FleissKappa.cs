namespace PrefSharp.Core.Metrics;

/// <summary>
/// Fleiss' κ (Fleiss 1971) for N items each rated by the same number n ≥ 2 of raters into k nominal categories,
/// from the counts n_ij (raters who put item i in category j):
/// P_i = (Σ_j n_ij² − n) / (n(n − 1)), P̄ = mean P_i, p_j = Σ_i n_ij / (N n), P̄_e = Σ_j p_j², κ = (P̄ − P̄_e) / (1 − P̄_e).
/// </summary>
public static class FleissKappa
{
    /// <summary>κ from one row of category counts per item; every row must sum to the same n ≥ 2. NaN when undefined (no items, or P̄_e = 1).</summary>
    public static double Compute(IReadOnlyList<IReadOnlyList<int>> counts)
    {
        if (counts.Count == 0)
        {
            return double.NaN;
        }
        var categories = counts[0].Count;
        var raters = counts[0].Sum();
        if (raters < 2)
        {
            throw new ArgumentException($"Fleiss' kappa needs at least 2 raters per item; got {raters}", nameof(counts));
        }
        var categoryTotals = new double[categories];
        var meanAgreement = 0.0;
        foreach (var row in counts)
        {
            if (row.Count != categories || row.Sum() != raters)
            {
                throw new ArgumentException($"every item needs {categories} category counts summing to {raters} raters", nameof(counts));
            }
            var squares = 0.0;
            for (var j = 0; j < categories; j++)
            {
                squares += (double)row[j] * row[j];
                categoryTotals[j] += row[j];
            }
            meanAgreement += (squares - raters) / (raters * (raters - 1.0));
        }
        meanAgreement /= counts.Count;
        var chance = categoryTotals.Sum(total => Math.Pow(total / (counts.Count * (double)raters), 2));
        return chance >= 1.0 ? double.NaN : (meanAgreement - chance) / (1 - chance);
    }
}
