using PrefSharp.Core.Ranking;
using PrefSharp.Core.Ranking.Optimization;

namespace PrefSharp.Core.Tests.Ranking.Optimization;

public sealed class OptimizationTests
{
    /// <summary>Golden: an intercept-only model with targets 1, 1, 0 has β̂ = logit(2/3) = ln 2.</summary>
    [Fact]
    public void Intercept_only_regression_recovers_the_log_odds()
    {
        var rows = new[] { 1.0, 1.0, 0.0 }.Select(y => new LogisticObservation([0], [1.0], y)).ToList();
        var fit = WeightedLogisticRegression.Fit(1, rows);
        Assert.True(fit.Converged);
        Assert.Equal(Math.Log(2), fit.Coefficients[0], 10);
        Assert.Equal(2 * Math.Log(2.0 / 3) + Math.Log(1.0 / 3), fit.LogLikelihood, 10);
    }

    /// <summary>Golden: item 0 scores 2·1 + 2·½ + 1·0 = 3 of total weight 5 against item 1 → β₀ − β₁ = ln(3/2) (weights act as repetitions, a tie as half a win).</summary>
    [Fact]
    public void Bradley_Terry_of_two_items_is_the_log_odds_of_the_win_share()
    {
        var battles = new IndexedBattles(["x", "y"], [0, 0, 1], [1, 1, 0], [1.0, 0.5, 1.0], [2.0, 2.0, 1.0], [null, null, null]);
        var ratings = BradleyTerry.FitIndexed(battles, priorPrecision: 0).Ratings;
        Assert.Equal(Math.Log(3.0 / 2.0), ratings[0] - ratings[1], 8);
        Assert.Equal(0, ratings[0] + ratings[1], 10);
    }

    /// <summary>Golden: the textbook LP max 3x + 5y s.t. x ≤ 4, 2y ≤ 12, 3x + 2y ≤ 18 has x = 2, y = 6, value 36, duals (0, 3/2, 1).</summary>
    [Fact]
    public void Simplex_solves_a_textbook_linear_program_with_its_duals()
    {
        var solution = DenseSimplex.Maximize(new double[,] { { 1, 0 }, { 0, 2 }, { 3, 2 } }, [4, 12, 18], [3, 5]);
        Assert.Equal(36, solution.Objective, 10);
        Assert.Equal([2.0, 6.0], solution.Primal.Select(v => Math.Round(v, 10)));
        Assert.Equal([0.0, 1.5, 1.0], solution.Dual.Select(v => Math.Round(v, 10)));
    }

    [Fact]
    public void Cholesky_inverse_times_matrix_is_identity()
    {
        var a = new double[,] { { 4, 2, 0.6 }, { 2, 5, 1 }, { 0.6, 1, 3 } };
        var inverse = new DenseCholesky(a).Inverse();
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
            {
                double s = 0;
                for (int k = 0; k < 3; k++) s += a[i, k] * inverse[k, j];
                Assert.Equal(i == j ? 1 : 0, s, 12);
            }
    }
}
