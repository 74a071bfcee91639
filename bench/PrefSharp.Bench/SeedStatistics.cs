using System.Globalization;

namespace PrefSharp.Bench;

/// <summary>
/// Mean ± standard error over seeds, and a claim verdict from PAIRED per-seed differences: "holds" when the mean
/// difference exceeds twice its standard error (d̄ &gt; 2·sd(d)/√k), "reversed" when it is below minus that, else
/// "within noise". With k = 3 seeds this is a coarse screen, not a test at a stated level.
/// </summary>
public static class SeedStatistics
{
    /// <summary>Mean and standard error sd/√k (sample sd, k − 1 in the denominator; 0 for one seed).</summary>
    public static (double Mean, double StandardError) Summarise(IReadOnlyList<double> values)
    {
        if (values.Count == 0) throw new ArgumentException("values: no seeds", nameof(values));
        var mean = values.Average();
        if (values.Count == 1) return (mean, 0);
        var variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
        return (mean, Math.Sqrt(variance / values.Count));
    }

    /// <summary>"0.812 ± 0.004".</summary>
    public static string Format(IReadOnlyList<double> values)
    {
        var (mean, se) = Summarise(values);
        return string.Create(CultureInfo.InvariantCulture, $"{mean:F3} ± {se:F3}");
    }

    /// <summary>The verdict on "a &gt; b" from per-seed pairs, with the mean difference and its standard error.</summary>
    public static (string Verdict, double Difference, double StandardError) Compare(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        if (a.Count != b.Count) throw new ArgumentException($"need paired seeds ({a.Count} vs {b.Count})", nameof(b));
        var (difference, se) = Summarise(a.Zip(b, (x, y) => x - y).ToList());
        var verdict = difference > 2 * se ? "holds" : difference < -2 * se ? "reversed" : "within noise";
        return (verdict, difference, se);
    }
}
