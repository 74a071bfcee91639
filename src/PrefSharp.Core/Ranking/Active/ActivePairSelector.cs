using PrefSharp.Core.Data;
using PrefSharp.Core.Ranking.Optimization;

namespace PrefSharp.Core.Ranking.Active;

/// <summary>
/// Chooses the next pair to compare by the largest expected reduction of ranking uncertainty under the current
/// Bradley–Terry fit (optimal experimental design for paired comparisons; cf. Guo et al. 2018, "Experimental design under
/// the Bradley–Terry model", and A-optimality, Kiefer 1959). With the MAP fit β̂ (prior N(0, 1/λ)), the information is
/// I = Σ_b w_b p_b(1 − p_b) d_b d_bᵀ + λI with d = e_A − e_B, and Σ = I⁻¹. One more battle of (i, j) adds
/// w d dᵀ, w = p_ij(1 − p_ij); by Sherman–Morrison the new covariance is Σ − w Σd dᵀΣ / (1 + w dᵀΣd), whatever its
/// outcome (the Fisher information of a logistic observation does not depend on the label), so the expected reduction of
/// Σ_c cᵀΣc over contrasts c is w Σ_c (cᵀΣd)² / (1 + w dᵀΣd). Contrasts: adjacent-rank differences
/// e_(r) − e_(r+1) in the current order (default), or unit vectors (trace, A-optimality).
/// </summary>
public static class ActivePairSelector
{
    /// <summary>The best next comparison among all pairs of <paramref name="items"/> (default: items seen in the battles).</summary>
    public static ActiveComparisonChoice SelectNext(IReadOnlyList<Battle> battles, IReadOnlyList<string>? items = null,
        ActiveSelectionOptions? options = null) => SelectNext(IndexedBattles.From(battles, items), options);

    /// <summary>The best next comparison among all pairs of the indexed items.</summary>
    public static ActiveComparisonChoice SelectNext(IndexedBattles battles, ActiveSelectionOptions? options = null)
    {
        options ??= new ActiveSelectionOptions();
        int n = battles.Items.Count;
        if (n < 2) throw new ArgumentException("Need at least two items to choose a pair.", nameof(battles));
        var beta = BradleyTerry.FitIndexed(battles, options.PriorPrecision).Ratings;
        var information = new double[n, n];
        for (int b = 0; b < battles.Count; b++)
        {
            int i = battles.ItemA[b], j = battles.ItemB[b];
            if (i == j) continue;
            double p = LogisticFunctions.Sigmoid(beta[i] - beta[j]);
            double c = battles.Weight[b] * p * (1 - p);
            information[i, i] += c; information[j, j] += c; information[i, j] -= c; information[j, i] -= c;
        }
        for (int i = 0; i < n; i++) information[i, i] += options.PriorPrecision;
        var covariance = new DenseCholesky(information).Inverse();
        var contrasts = Contrasts(beta, options.Criterion);
        double current = contrasts.Sum(c => Quadratic(covariance, c.Plus, c.Minus));
        var candidates = new List<CandidatePair>(n * (n - 1) / 2);
        var sigmaD = new double[n];
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
            {
                for (int k = 0; k < n; k++) sigmaD[k] = covariance[k, i] - covariance[k, j];
                double p = LogisticFunctions.Sigmoid(beta[i] - beta[j]);
                double w = p * (1 - p);
                double variance = sigmaD[i] - sigmaD[j];
                double sum = 0;
                foreach (var c in contrasts)
                {
                    double projection = sigmaD[c.Plus] - (c.Minus >= 0 ? sigmaD[c.Minus] : 0);
                    sum += projection * projection;
                }
                candidates.Add(new CandidatePair(battles.Items[i], battles.Items[j], w * sum / (1 + w * variance), p));
            }
        var ordered = candidates.OrderByDescending(c => c.ExpectedReduction).ToList();
        var best = ordered[0];
        return new ActiveComparisonChoice(best.ItemA, best.ItemB, best.ExpectedReduction, current, options.Criterion,
            ordered.Take(Math.Max(1, options.ReportedCandidates)).ToList());
    }

    /// <summary>Contrast vectors e_Plus − e_Minus (Minus = −1 for a unit vector).</summary>
    private static List<(int Plus, int Minus)> Contrasts(double[] beta, ActiveSelectionCriterion criterion)
    {
        int n = beta.Length;
        if (criterion == ActiveSelectionCriterion.TotalVariance) return Enumerable.Range(0, n).Select(i => (i, -1)).ToList();
        var order = Enumerable.Range(0, n).OrderByDescending(i => beta[i]).ToArray();
        return Enumerable.Range(0, n - 1).Select(r => (order[r], order[r + 1])).ToList();
    }

    private static double Quadratic(double[,] covariance, int plus, int minus) =>
        minus < 0 ? covariance[plus, plus] : covariance[plus, plus] + covariance[minus, minus] - 2 * covariance[plus, minus];
}
