namespace PrefSharp.Core.Ranking.Optimization;

/// <summary>
/// Bradley–Terry (1952) as logistic regression on item-indicator differences:
/// P(a ≻ b) = σ(β_a − β_b), x = e_a − e_b, soft scores and weights allowed (a tie counts as half a win).
/// A small L2 penalty (default λ = 1e-6) fixes the additive gauge and keeps items with only wins finite;
/// ratings are returned centred to mean 0. This is the part-B reference BT fit that the mixtures, the
/// GPM comparison and active selection build on.
/// </summary>
public static class IndicatorBradleyTerry
{
    /// <summary>Fits BT to indexed battles; <paramref name="rowWeights"/> (optional) multiplies each battle's weight.</summary>
    public static IndicatorBradleyTerryFit Fit(int itemCount, int[] itemA, int[] itemB, double[] scoreA, double[] weight,
        double l2Penalty = 1e-6, double[]? rowWeights = null, double[]? initial = null)
    {
        var rows = new List<LogisticObservation>(itemA.Length);
        for (int k = 0; k < itemA.Length; k++)
        {
            double w = weight[k] * (rowWeights?[k] ?? 1.0);
            if (w > 0 && itemA[k] != itemB[k]) rows.Add(LogisticObservation.Pairwise(itemA[k], itemB[k], scoreA[k], w));
        }
        var fit = WeightedLogisticRegression.Fit(itemCount, rows, new LogisticRegressionOptions { L2Penalty = l2Penalty }, initial);
        var ratings = fit.Coefficients;
        double mean = ratings.Length == 0 ? 0 : ratings.Average();
        for (int i = 0; i < ratings.Length; i++) ratings[i] -= mean;
        return new IndicatorBradleyTerryFit(ratings, fit.LogLikelihood, fit.Converged);
    }

    /// <summary>Fits BT to <paramref name="battles"/>.</summary>
    public static IndicatorBradleyTerryFit Fit(IndexedBattles battles, double l2Penalty = 1e-6, double[]? rowWeights = null) =>
        Fit(battles.Items.Count, battles.ItemA, battles.ItemB, battles.ScoreA, battles.Weight, l2Penalty, rowWeights);
}
