using PrefSharp.Core.Data;
using PrefSharp.Core.Ranking;

namespace PrefSharp.Core.Tests.Ranking;

/// <summary>
/// The pair-count bootstrap refills one resample and one set of Newton buffers per thread: every round must equal,
/// to the last bit, a fit from fresh buffers on that round's multinomial draw, warm-started at the full fit.
/// </summary>
public class BootstrapBufferReuseTests
{
    [Fact]
    public void RoundsWithReusedBuffersEqualFreshFits()
    {
        var battles = BattleFactory.SimulateBradleyTerry([1.0, 0.5, 0, -0.3, -1.2], 40, new Random(8));
        for (int i = 0; i < 5; i++)
            for (int j = i + 1; j < 5; j++) battles.AddRange(BattleFactory.Record($"m{i}", $"m{j}", 0, 4, 0));
        var counts = PairwiseCounts.FromBattles(battles);
        AssertRoundsEqualFreshFits(counts, new BradleyTerryLikelihood());
        AssertRoundsEqualFreshFits(counts, new DavidsonLikelihood());
    }

    private static void AssertRoundsEqualFreshFits<TModel>(PairwiseCounts counts, TModel model) where TModel : struct, IPairwiseLikelihood
    {
        var fit = PairwiseNewtonSolver.Fit(counts, model);
        var options = new BootstrapOptions { Rounds = 40, Seed = 3, MaxDegreeOfParallelism = 1 };
        var samples = PairwiseBootstrap.OnPairCounts(counts, model, fit, options);
        Assert.Equal(0, samples.DegenerateRounds);
        for (int round = 0; round < options.Rounds; round++)
        {
            var draw = new int[counts.CellCountTotal];
            counts.Resampler.Sample(SeedSequence.ForRound(options.Seed, round), draw);
            var resample = counts.WithCellCounts(draw);
            var fresh = PairwiseNewtonSolver.Solve(resample, model, new StrengthFitOptions(), ComparisonGraph.Of(resample), fit);
            Assert.Equal(fresh.Strengths, samples.Strengths[round]);
            Assert.Equal(fresh.TieParameter, samples.TieParameters[round]);
        }
    }
}
