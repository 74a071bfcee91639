using PrefSharp.Core.Data;
using PrefSharp.Core.Ranking;

namespace PrefSharp.Core.Tests.Ranking;

/// <summary>
/// Newton with conjugate-gradient steps (above DenseItemLimit) reaches the dense Cholesky path's optimum. Both stop
/// once the largest step is below Tolerance·max(1, max|β|), and Newton converges quadratically, so each lies within
/// one such step of the optimum: they may differ by at most 2·Tolerance·max(1, max|β|) (CG's residual, 1e-12 of
/// the gradient, adds far less).
/// </summary>
public sealed class SparseNewtonTests
{
    [Theory]
    [InlineData(TieModel.HalfWin)]
    [InlineData(TieModel.Davidson)]
    public void Conjugate_gradient_steps_reach_the_dense_newton_optimum_on_a_random_graph(TieModel ties)
    {
        var random = new Random(7);
        const int items = 300;
        var strengths = Enumerable.Range(0, items).Select(_ => random.NextDouble() * 3).ToArray();
        var battles = new List<Battle>();
        for (int k = 0; k < 6000; k++)
        {
            int a = k < items ? k : random.Next(items), b = k < items ? (k + 1) % items : (a + 1 + random.Next(items - 1)) % items;
            double p = 1 / (1 + Math.Exp(strengths[b] - strengths[a])), u = random.NextDouble();
            battles.Add(new Battle($"i{a}", $"i{b}", u < 0.1 ? BattleOutcome.Tie : u < 0.1 + 0.9 * p ? BattleOutcome.A : BattleOutcome.B));
        }
        var counts = PairwiseCounts.FromBattles(battles);
        var dense = BradleyTerry.Fit(counts, ties, new StrengthFitOptions());
        var sparse = BradleyTerry.Fit(counts, ties, new StrengthFitOptions { DenseItemLimit = 0 });

        Assert.True(dense.Converged && sparse.Converged);
        double bound = 2 * new StrengthFitOptions().Tolerance * Math.Max(1, dense.Strengths.Max(Math.Abs));
        for (int k = 0; k < items; k++) Assert.InRange(sparse.Strengths[k] - dense.Strengths[k], -bound, bound);
        if (ties == TieModel.Davidson) Assert.InRange(sparse.TieParameter - dense.TieParameter, -bound, bound);
    }
}
