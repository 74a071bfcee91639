using PrefSharp.Core.Data;
using PrefSharp.Core.Ranking;
using Xunit.Abstractions;

namespace PrefSharp.Core.Tests.Ranking;

/// <summary>Recovery of known strengths and coverage of intervals on seeded simulations.</summary>
public class SimulationTests(ITestOutputHelper output)
{
    private static double[] Centred(double[] values) => [.. values.Select(v => v - values.Average())];

    internal static double KendallTau(double[] x, double[] y)
    {
        int concordant = 0, discordant = 0;
        for (int i = 0; i < x.Length; i++)
            for (int j = i + 1; j < x.Length; j++)
            {
                double s = Math.Sign(x[i] - x[j]) * Math.Sign(y[i] - y[j]);
                if (s > 0) concordant++; else if (s < 0) discordant++;
            }
        return (concordant - discordant) / (x.Length * (x.Length - 1) / 2.0);
    }

    private static double[] TrueStrengths(int items) => [.. Enumerable.Range(0, items).Select(k => 1.5 - 3.0 * k / (items - 1))];

    private static double[] Estimated(Leaderboard board, int items) =>
        [.. Enumerable.Range(0, items).Select(k => board[$"m{k}"].Rating)];

    [Fact]
    public void BradleyTerryRecoversKnownStrengths()
    {
        double[] truth = TrueStrengths(10);
        var battles = BattleFactory.SimulateBradleyTerry(truth, 100, new Random(42));
        var fit = BradleyTerry.Fit(PairwiseCounts.FromBattles(battles, new ItemIndex(Enumerable.Range(0, 10).Select(k => $"m{k}"))));
        double[] centredTruth = Centred(truth);
        double tau = KendallTau(centredTruth, fit.Strengths);
        double rmse = Math.Sqrt(centredTruth.Zip(fit.Strengths, (a, b) => (a - b) * (a - b)).Average());
        output.WriteLine($"BT, 10 items × 100 battles per pair: Kendall τ = {tau:F3}, RMSE = {rmse:F4} logits");
        Assert.True(tau >= 0.9, $"τ = {tau}");
        Assert.True(rmse < 0.1, $"RMSE = {rmse}");
    }

    [Fact]
    public void TieModelsAndThurstoneRecoverTheirParameters()
    {
        // Simulate from each model at d = β_i − β_j and refit: 6 items, 400 battles per pair.
        double[] truth = [0.8, 0.4, 0.1, -0.2, -0.5, -0.6];
        var random = new Random(9);
        var raoKupper = new List<Battle>();
        var davidson = new List<Battle>();
        var thurstone = new List<Battle>();
        for (int i = 0; i < truth.Length; i++)
            for (int j = i + 1; j < truth.Length; j++)
                for (int k = 0; k < 400; k++)
                {
                    double d = truth[i] - truth[j];
                    raoKupper.Add(Draw(i, j, LogisticFunctions.Sigmoid(d - 0.5), LogisticFunctions.Sigmoid(-d - 0.5), random));
                    var (pw, _, pl, _) = DavidsonLikelihood.Softmax(d, Math.Log(0.7));
                    davidson.Add(Draw(i, j, pw, pl, random));
                    thurstone.Add(Draw(i, j, NormalDistribution.Cdf(d), 1 - NormalDistribution.Cdf(d), random));
                }
        var rk = BradleyTerry.Fit(raoKupper, TieModel.RaoKupper);
        var dv = BradleyTerry.Fit(davidson, TieModel.Davidson);
        var th = Thurstone.Fit(thurstone);
        output.WriteLine($"Rao–Kupper θ̂ = {rk.ReportedTieParameter:F3} (true {Math.Exp(0.5):F3}); Davidson ν̂ = {dv.ReportedTieParameter:F3} (true 0.7)");
        Assert.Equal(Math.Exp(0.5), rk.ReportedTieParameter, 0.08);
        Assert.Equal(0.7, dv.ReportedTieParameter, 0.08);
        foreach (var fit in new[] { rk, dv, th })
        {
            double[] estimate = [.. Enumerable.Range(0, 6).Select(k => fit.StrengthOf($"m{k}"))];
            double rmse = Math.Sqrt(Centred(truth).Zip(estimate, (a, b) => (a - b) * (a - b)).Average());
            output.WriteLine($"{fit.Model}: RMSE = {rmse:F4}, Kendall τ = {KendallTau(truth, estimate):F3}");
            Assert.True(rmse < 0.08, $"{fit.Model}: RMSE = {rmse}");
        }
    }

    private static Battle Draw(int i, int j, double winProbability, double lossProbability, Random random)
    {
        double u = random.NextDouble();
        var outcome = u < winProbability ? BattleOutcome.A : u < winProbability + lossProbability ? BattleOutcome.B : BattleOutcome.Tie;
        return new Battle($"m{i}", $"m{j}", outcome);
    }

    [Theory]
    [InlineData(IntervalMethod.Sandwich, 200)]
    [InlineData(IntervalMethod.Bootstrap, 100)]
    public void NinetyFivePercentIntervalsCoverTheTruth(IntervalMethod intervals, int simulations)
    {
        // 10 items, 15 battles per pair (675 battles) per simulation; coverage of centred natural-scale ratings.
        double[] truth = Centred(TrueStrengths(10));
        int covered = 0, total = 0;
        var started = System.Diagnostics.Stopwatch.StartNew();
        for (int simulation = 0; simulation < simulations; simulation++)
        {
            var battles = BattleFactory.SimulateBradleyTerry(truth, 15, new Random(1000 + simulation));
            var board = LeaderboardBuilder.Build(battles, new LeaderboardOptions
            {
                Scale = RatingScale.Natural, Intervals = intervals, BootstrapRounds = 200, Seed = simulation,
            });
            for (int k = 0; k < truth.Length; k++)
            {
                var row = board[$"m{k}"];
                if (row.RatingLo <= truth[k] && truth[k] <= row.RatingHi) covered++;
                total++;
            }
        }
        double coverage = (double)covered / total;
        output.WriteLine($"{intervals}: coverage of 95% intervals = {coverage:F4} over {simulations} simulations × 10 items ({started.ElapsedMilliseconds} ms)");
        Assert.InRange(coverage, 0.90, 0.99);
    }

    [Fact]
    public void PairCountBootstrapMatchesBattleBootstrapInSpread()
    {
        // Multinomial resampling of cell counts and resampling of battles have the same law: compare the
        // bootstrap standard deviations of every strength (400 rounds each; sampling error of an SD ≈ 3.5%).
        var battles = BattleFactory.SimulateBradleyTerry(TrueStrengths(6), 30, new Random(4));
        battles.AddRange(BattleFactory.Record("m0", "m5", 0, 10, 0));
        var counts = PairwiseCounts.FromBattles(battles);
        var model = new BradleyTerryLikelihood();
        var fit = PairwiseNewtonSolver.Fit(counts, model);
        var fast = PairwiseBootstrap.OnPairCounts(counts, model, fit, new BootstrapOptions { Rounds = 400, Seed = 1 });
        var slow = PairwiseBootstrap.OnBattles(battles, counts.Items, model, fit, new BootstrapOptions { Rounds = 400, Seed = 2 });
        for (int k = 0; k < 6; k++)
        {
            double fastSd = StandardDeviation(fast.Strengths.Select(s => s[k])), slowSd = StandardDeviation(slow.Strengths.Select(s => s[k]));
            output.WriteLine($"{counts.Items[k]}: SD fast {fastSd:F4}, slow {slowSd:F4}");
            Assert.InRange(fastSd / slowSd, 0.85, 1.15);
        }
        var sandwich = SandwichCovariance.Compute(counts, model, fit);
        double sandwichSd = Math.Sqrt(sandwich.DifferenceVariance(0, 5));
        double bootstrapSd = StandardDeviation(fast.Strengths.Select(s => s[0] - s[5]));
        output.WriteLine($"SD(β0 − β5): sandwich {sandwichSd:F4}, bootstrap {bootstrapSd:F4}");
        Assert.InRange(bootstrapSd / sandwichSd, 0.85, 1.15);
    }

    private static double StandardDeviation(IEnumerable<double> values)
    {
        var list = values.ToList();
        double mean = list.Average();
        return Math.Sqrt(list.Sum(v => (v - mean) * (v - mean)) / (list.Count - 1));
    }
}
