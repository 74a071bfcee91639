using PrefSharp.Core.Ranking;

namespace PrefSharp.Core.Metrics;

/// <summary>
/// A linear probe (Alain &amp; Bengio 2016, "Understanding intermediate layers using linear classifier probes"): ridge
/// regression of a target on features, fitted in closed form on a training split and scored by R² on held-out rows.
/// Features and target are centred and the features scaled to unit variance on the training rows, then
/// w = (XᵀX + λ·n·I)⁻¹ Xᵀy (λ per row, so its meaning does not change with n); R² = 1 − SS_res / SS_tot on the held-out
/// rows around their own mean, so a probe no better than the held-out mean scores ≤ 0.
/// </summary>
public static class RidgeProbe
{
    /// <summary>Held-out R² of the probe fitted on <paramref name="train"/> rows of <paramref name="features"/> (rows × d).</summary>
    public static double HeldOutR2(IReadOnlyList<double[]> features, IReadOnlyList<double> target, IReadOnlyList<int> train,
        IReadOnlyList<int> heldOut, double lambda = 1e-3)
    {
        if (features.Count != target.Count) throw new ArgumentException($"{features.Count} feature rows but {target.Count} targets", nameof(target));
        if (train.Count < 2 || heldOut.Count < 2) throw new ArgumentException("a probe needs at least 2 training and 2 held-out rows", nameof(train));
        if (!(lambda > 0) || double.IsInfinity(lambda)) throw new ArgumentException($"λ must be finite and > 0, found {lambda}", nameof(lambda));
        var d = features[0].Length;
        var (mean, scale) = Standardisation(features, train, d);
        var targetMean = train.Average(i => target[i]);
        var gram = new double[d * d];
        var xty = new double[d];
        var row = new double[d];
        foreach (var i in train)
        {
            Standardise(features[i], mean, scale, row);
            var y = target[i] - targetMean;
            for (var a = 0; a < d; a++)
            {
                xty[a] += row[a] * y;
                for (var b = 0; b <= a; b++) gram[a * d + b] += row[a] * row[b];
            }
        }
        for (var a = 0; a < d; a++)
        {
            for (var b = 0; b < a; b++) gram[b * d + a] = gram[a * d + b];
            gram[a * d + a] += lambda * train.Count;
        }
        if (!CholeskySolver.TryFactor(gram, d)) throw new InvalidOperationException("the ridge system is not positive definite");
        CholeskySolver.Solve(gram, d, xty);
        var heldOutMean = heldOut.Average(i => target[i]);
        double residual = 0, total = 0;
        foreach (var i in heldOut)
        {
            Standardise(features[i], mean, scale, row);
            var prediction = targetMean;
            for (var a = 0; a < d; a++) prediction += xty[a] * row[a];
            residual += (target[i] - prediction) * (target[i] - prediction);
            total += (target[i] - heldOutMean) * (target[i] - heldOutMean);
        }
        return total > 0 ? 1 - residual / total : double.NaN;
    }

    private static (double[] Mean, double[] Scale) Standardisation(IReadOnlyList<double[]> features, IReadOnlyList<int> train, int d)
    {
        var mean = new double[d];
        var scale = new double[d];
        foreach (var i in train)
            for (var a = 0; a < d; a++) mean[a] += features[i][a] / train.Count;
        foreach (var i in train)
            for (var a = 0; a < d; a++) scale[a] += (features[i][a] - mean[a]) * (features[i][a] - mean[a]) / train.Count;
        for (var a = 0; a < d; a++) scale[a] = scale[a] > 0 ? 1 / Math.Sqrt(scale[a]) : 0;   // a constant feature carries nothing
        return (mean, scale);
    }

    private static void Standardise(double[] features, double[] mean, double[] scale, double[] row)
    {
        for (var a = 0; a < row.Length; a++) row[a] = (features[a] - mean[a]) * scale[a];
    }
}
