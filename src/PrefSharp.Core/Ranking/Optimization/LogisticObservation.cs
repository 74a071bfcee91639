namespace PrefSharp.Core.Ranking.Optimization;

/// <summary>
/// One row of a weighted logistic regression with a sparse feature vector:
/// logit = Offset + Σ_k FeatureValues[k] · β[FeatureIndices[k]], target y ∈ [0, 1] (soft labels allowed).
/// </summary>
/// <param name="FeatureIndices">Column index of each non-zero feature.</param>
/// <param name="FeatureValues">Value of each non-zero feature, same length as <paramref name="FeatureIndices"/>.</param>
/// <param name="Target">Probability-like label in [0, 1].</param>
/// <param name="Weight">Sample weight (≥ 0).</param>
/// <param name="Offset">A fixed term added to the logit (not estimated).</param>
public sealed record LogisticObservation(int[] FeatureIndices, double[] FeatureValues, double Target, double Weight = 1.0, double Offset = 0.0)
{
    /// <summary>The linear predictor for coefficients <paramref name="coefficients"/>.</summary>
    public double Logit(ReadOnlySpan<double> coefficients)
    {
        double z = Offset;
        for (int k = 0; k < FeatureIndices.Length; k++) z += FeatureValues[k] * coefficients[FeatureIndices[k]];
        return z;
    }

    /// <summary>A Bradley–Terry row: +scale on item <paramref name="itemA"/>, −scale on item <paramref name="itemB"/>.</summary>
    public static LogisticObservation Pairwise(int itemA, int itemB, double scoreA, double weight, double scale = 1.0) =>
        new([itemA, itemB], [scale, -scale], scoreA, weight);
}
