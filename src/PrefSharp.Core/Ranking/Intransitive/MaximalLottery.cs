using PrefSharp.Core.Ranking.Optimization;

namespace PrefSharp.Core.Ranking.Intransitive;

/// <summary>
/// Maximal lottery (Kreweras 1965; Fishburn 1984, "Probabilistic social choice based on simple voting comparisons"):
/// the mixed maximin strategy p of the symmetric zero-sum game with skew-symmetric margin matrix M = P − Pᵀ,
/// i.e. Σ_i p_i M_ij ≥ 0 for every j. It is the minimax winner used as the target of Self-Play Preference
/// Optimisation (SPO, Swamy et al. 2024, Eq. 3) and Direct Nash Optimisation (DNO, Rosset et al. 2024).
/// It equals the Condorcet winner (probability 1) when one exists.
/// Solved exactly by linear programming: with A = M + s (s = 1 + max|M| makes A &gt; 0),
/// maximise 1ᵀy s.t. A·y ≤ 1, y ≥ 0; then p = y / 1ᵀy (the column player's optimum; by skew-symmetry it is also the row
/// player's). The result is checked: min_j (pᵀM)_j ≥ −tolerance.
/// </summary>
public static class MaximalLottery
{
    /// <summary>The maximal lottery of an empirical preference matrix (margins of uncompared pairs are 0).</summary>
    public static MaximalLotteryResult Compute(PreferenceMatrix matrix, double tolerance = 1e-9) =>
        FromMargins(matrix.Items, matrix.Margin(), tolerance);

    /// <summary>The maximal lottery of a skew-symmetric margin matrix M (M_ij = −M_ji).</summary>
    public static MaximalLotteryResult FromMargins(IReadOnlyList<string> items, double[][] margin, double tolerance = 1e-9)
    {
        int n = items.Count;
        if (margin.Length != n) throw new ArgumentException("Margin matrix size differs from the item count.", nameof(margin));
        double largest = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                if (Math.Abs(margin[i][j] + margin[j][i]) > 1e-9) throw new ArgumentException("Margin matrix must be skew-symmetric.", nameof(margin));
                largest = Math.Max(largest, Math.Abs(margin[i][j]));
            }
        double shift = 1 + largest;
        var shifted = new double[n, n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) shifted[i, j] = margin[i][j] + shift;
        var ones = Enumerable.Repeat(1.0, n).ToArray();
        var solution = DenseSimplex.Maximize(shifted, ones, ones);
        double total = solution.Primal.Sum();
        var p = solution.Primal.Select(v => Math.Max(0, v) / total).ToArray();
        double minimum = double.PositiveInfinity;
        for (int j = 0; j < n; j++)
        {
            double expected = 0;
            for (int i = 0; i < n; i++) expected += p[i] * margin[i][j];
            minimum = Math.Min(minimum, expected);
        }
        return new MaximalLotteryResult(items, p, minimum, minimum >= -tolerance, solution.Pivots);
    }
}
