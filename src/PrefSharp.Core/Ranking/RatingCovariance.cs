namespace PrefSharp.Core.Ranking;

/// <summary>
/// An estimated covariance of natural-scale log-strengths β (n×n, row-major). Without a prior one item per
/// component is held at 0 (its rows are zero), so only contrasts c with Σc = 0 within each component are
/// meaningful — differences, centred ratings, log-odds against a baseline — and their variance cᵀΣc does not
/// depend on which item was held.
/// </summary>
public sealed class RatingCovariance(int itemCount, double[] matrix)
{
    public int ItemCount { get; } = itemCount;

    /// <summary>Row-major n×n.</summary>
    public IReadOnlyList<double> Matrix { get; } = matrix;

    /// <summary>cᵀΣc.</summary>
    public double Variance(ReadOnlySpan<double> contrast)
    {
        double total = 0;
        for (int i = 0; i < ItemCount; i++)
        {
            if (contrast[i] == 0) continue;
            double row = 0;
            for (int j = 0; j < ItemCount; j++) row += matrix[i * ItemCount + j] * contrast[j];
            total += contrast[i] * row;
        }
        return Math.Max(total, 0);
    }

    /// <summary>Var(β_i − β_j).</summary>
    public double DifferenceVariance(int i, int j)
    {
        var contrast = new double[ItemCount];
        contrast[i] += 1;
        contrast[j] -= 1;
        return Variance(contrast);
    }
}
