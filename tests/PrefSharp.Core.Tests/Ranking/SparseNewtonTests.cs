using PrefSharp.Core.Data;
using PrefSharp.Core.Ranking;

namespace PrefSharp.Core.Tests.Ranking;

/// <summary>
/// Newton with conjugate-gradient steps (above DenseItemLimit) reaches the dense Cholesky path's optimum. Both stop
/// once the largest step is below Tolerance·max(1, max|β|), and Newton converges quadratically, so each lies within
/// one such step of the optimum: they may differ by at most 2·Tolerance·max(1, max|β|) (CG's residual, at most
/// √‖g‖ of a gradient that is below 1e-9 by then, adds far less).
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

    [Fact]
    public void Damped_steps_reach_the_dense_optimum_from_a_warm_start_where_items_sit_in_the_flat_tail()
    {
        // Items i0…i39 each win (or lose) all their battles in the first data set, so a weak prior puts them far out
        // on the flat tail of the likelihood; the second data set flips each one's first battle. Warm-started at the
        // first fit, undamped Newton overshoots those items by tens of logits; the damped path must still converge
        // to the dense path's optimum within the tolerance bound.
        var random = new Random(11);
        const int items = 200;
        var first = new List<Battle>();
        var second = new List<Battle>();
        for (int k = 0; k < 2000; k++)
        {
            int a = k % items, b = (a + 1 + random.Next(items - 1)) % items;
            var outcome = a < 40 ? (a % 2 == 0 ? BattleOutcome.A : BattleOutcome.B)
                : b < 40 ? (b % 2 == 0 ? BattleOutcome.B : BattleOutcome.A)
                : random.Next(2) == 0 ? BattleOutcome.A : BattleOutcome.B;
            first.Add(new Battle($"i{a}", $"i{b}", outcome));
            var flipped = a < 40 && k < items ? (outcome == BattleOutcome.A ? BattleOutcome.B : BattleOutcome.A) : outcome;
            second.Add(new Battle($"i{a}", $"i{b}", flipped));
        }
        var options = new StrengthFitOptions { PriorPrecision = 0.01 };
        var warm = PairwiseNewtonSolver.Fit(PairwiseCounts.FromBattles(first), new BradleyTerryLikelihood(), options);
        var counts = PairwiseCounts.FromBattles(second);
        Assert.Equal(warm.Items.Names, counts.Items.Names);
        var dense = PairwiseNewtonSolver.Fit(counts, new BradleyTerryLikelihood(), options, warm);
        var sparse = PairwiseNewtonSolver.Fit(counts, new BradleyTerryLikelihood(), options with { DenseItemLimit = 0 }, warm);

        Assert.True(dense.Converged && sparse.Converged);
        Assert.True(warm.Strengths.Max(Math.Abs) > 4, "the first fit puts some items on the flat tail");
        double bound = 2 * options.Tolerance * Math.Max(1, dense.Strengths.Max(Math.Abs));
        for (int k = 0; k < items; k++) Assert.InRange(sparse.Strengths[k] - dense.Strengths[k], -bound, bound);
    }
}
