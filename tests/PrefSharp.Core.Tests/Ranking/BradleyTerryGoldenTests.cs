using PrefSharp.Core.Data;
using PrefSharp.Core.Ranking;

namespace PrefSharp.Core.Tests.Ranking;

/// <summary>Hand-derived Bradley–Terry, Rao–Kupper and Davidson estimates on graphs small enough for closed forms.</summary>
public class BradleyTerryGoldenTests
{
    private static double Gap(StrengthFit fit, string a, string b) => fit.StrengthOf(a) - fit.StrengthOf(b);

    [Theory]
    [InlineData(7, 3)]
    [InlineData(1, 1)]
    [InlineData(90, 10)]
    public void TwoItemsReproduceTheLogOdds(int wins, int losses)
    {
        // Two items, w wins against l losses: the score equation w = (w + l)σ(d) gives d = ln(w/l).
        var fit = BradleyTerry.Fit(BattleFactory.Record("a", "b", wins, 0, losses));
        Assert.Equal(Math.Log((double)wins / losses), Gap(fit, "a", "b"), 1e-10);
        Assert.True(fit.Converged);
        Assert.Equal(0, fit.Strengths.Sum(), 1e-12); // centred
    }

    [Fact]
    public void TiesCountAsHalfWins()
    {
        // 3 wins, 2 ties, 1 loss: score 4 of 6, d = ln(4/2) = ln 2.
        var fit = BradleyTerry.Fit(BattleFactory.Record("a", "b", 3, 2, 1));
        Assert.Equal(Math.Log(2), Gap(fit, "a", "b"), 1e-10);
    }

    [Fact]
    public void TreeGraphSolvesEachEdgeSeparately()
    {
        // a–b 2:1 and b–c 3:1, a and c never meet: on a tree the MLE fits every edge exactly.
        var battles = BattleFactory.Record("a", "b", 2, 0, 1).Concat(BattleFactory.Record("b", "c", 3, 0, 1)).ToList();
        var fit = BradleyTerry.Fit(battles);
        Assert.Equal(Math.Log(2), Gap(fit, "a", "b"), 1e-10);
        Assert.Equal(Math.Log(3), Gap(fit, "b", "c"), 1e-10);
    }

    [Fact]
    public void WeightsAndSoftScoresEnterAsWeightedScores()
    {
        // One battle of weight 3 won by a, one of weight 1 won by b: like 3:1, d = ln 3.
        var weighted = new List<Battle> { new("a", "b", BattleOutcome.A) { Weight = 3 }, new("a", "b", BattleOutcome.B) };
        Assert.Equal(Math.Log(3), Gap(BradleyTerry.Fit(weighted), "a", "b"), 1e-10);
        // Soft scores 0.7 and 0.6 for a (one written from b's side as 0.3 for b): mean 0.65, d = logit(0.65).
        var soft = new List<Battle> { new("a", "b", BattleOutcome.A) { ScoreA = 0.7 }, new("b", "a", BattleOutcome.B) { ScoreA = 0.4 } };
        Assert.Equal(Math.Log(0.65 / 0.35), Gap(BradleyTerry.Fit(soft), "a", "b"), 1e-10);
    }

    [Fact]
    public void RaoKupperOnTwoItemsReproducesTheObservedFrequencies()
    {
        // Saturated: σ(d − τ) = w/N and σ(−d − τ) = l/N, so d = (logit(w/N) − logit(l/N))/2, τ = −(logit(w/N) + logit(l/N))/2.
        const double w = 5, t = 3, l = 2, n = w + t + l;
        static double Logit(double p) => Math.Log(p / (1 - p));
        var fit = BradleyTerry.Fit(BattleFactory.Record("a", "b", 5, 3, 2), TieModel.RaoKupper);
        Assert.Equal((Logit(w / n) - Logit(l / n)) / 2, Gap(fit, "a", "b"), 1e-9);
        Assert.Equal(-(Logit(w / n) + Logit(l / n)) / 2, fit.TieParameter, 1e-9);
        Assert.Equal(Math.Exp(fit.TieParameter), fit.ReportedTieParameter, 1e-12);
    }

    [Fact]
    public void DavidsonOnTwoItemsReproducesTheObservedFrequencies()
    {
        // Saturated: P(win)/P(loss) = π_a/π_b = w/l and P(tie)/√(P(win)P(loss)) = ν = t/√(w·l).
        var fit = BradleyTerry.Fit(BattleFactory.Record("a", "b", 5, 3, 2), TieModel.Davidson);
        Assert.Equal(Math.Log(5.0 / 2), Gap(fit, "a", "b"), 1e-9);
        Assert.Equal(3 / Math.Sqrt(10), fit.ReportedTieParameter, 1e-9);
    }

    [Fact]
    public void RaoKupperAndDavidsonLikelihoodsMatchHandComputedProbabilities()
    {
        // π_a = 2, π_b = 1. Rao–Kupper θ = 1.5: P(a≻b) = 2/(2 + 1.5) = 4/7, P(b≻a) = 1/(1 + 3) = 1/4,
        // P(tie) = (2.25 − 1)·2/(3.5·4) = 5/28 (the three sum to 1). Counts 5 wins, 3 ties, 2 losses.
        var counts = PairwiseCounts.FromBattles(BattleFactory.Record("a", "b", 5, 3, 2));
        double d = Math.Log(2);
        double raoKupper = PairwiseNewtonSolver.LogLikelihood(counts, new RaoKupperLikelihood(), [d, 0, Math.Log(1.5)], 0);
        Assert.Equal(5 * Math.Log(4.0 / 7) + 3 * Math.Log(5.0 / 28) + 2 * Math.Log(0.25), raoKupper, 1e-12);
        // Davidson ν = 0.5: denominator 2 + 1 + 0.5·√2; P(a≻b) = 2/den, P(tie) = 0.5√2/den, P(b≻a) = 1/den.
        double den = 3 + 0.5 * Math.Sqrt(2);
        double davidson = PairwiseNewtonSolver.LogLikelihood(counts, new DavidsonLikelihood(), [d, 0, Math.Log(0.5)], 0);
        Assert.Equal(5 * Math.Log(2 / den) + 3 * Math.Log(0.5 * Math.Sqrt(2) / den) + 2 * Math.Log(1 / den), davidson, 1e-12);
        // Bradley–Terry with ties as halves: score 6.5 of 10 at σ(ln 2) = 2/3.
        double bradleyTerry = PairwiseNewtonSolver.LogLikelihood(counts, new BradleyTerryLikelihood(), [d, 0], 0);
        Assert.Equal(6.5 * Math.Log(2.0 / 3) + 3.5 * Math.Log(1.0 / 3), bradleyTerry, 1e-12);
    }

    [Fact]
    public void WithoutTiesTheTieModelsFallBackToBradleyTerryAtTheBoundary()
    {
        var battles = BattleFactory.Record("a", "b", 6, 0, 2).Concat(BattleFactory.Record("b", "c", 3, 0, 3)).ToList();
        var plain = BradleyTerry.Fit(battles);
        var raoKupper = BradleyTerry.Fit(battles, TieModel.RaoKupper);
        var davidson = BradleyTerry.Fit(battles, TieModel.Davidson);
        for (int k = 0; k < 3; k++)
        {
            Assert.Equal(plain.Strengths[k], raoKupper.Strengths[k], 1e-10);
            Assert.Equal(plain.Strengths[k], davidson.Strengths[k], 1e-10);
        }
        Assert.Equal(1.0, raoKupper.ReportedTieParameter); // θ = 1: no ties
        Assert.Equal(0.0, davidson.ReportedTieParameter); // ν = 0
    }

    [Fact]
    public void PriorShrinksTowardsZeroAndKeepsUnbeatenItemsFinite()
    {
        var battles = BattleFactory.Record("a", "b", 4, 0, 0).Concat(BattleFactory.Record("b", "c", 2, 0, 1)).ToList();
        var error = Assert.Throws<ArgumentException>(() => BradleyTerry.Fit(battles));
        Assert.Contains("never lose: 'a'", error.Message);
        Assert.Contains("PriorPrecision", error.Message);
        var fit = BradleyTerry.Fit(battles, options: new StrengthFitOptions { PriorPrecision = 1 });
        Assert.True(fit.Converged);
        // MAP: gradient zero, Σβ = 0 implied by the prior; a on top.
        Assert.Equal(0, fit.Strengths.Sum(), 1e-10);
        Assert.True(fit.StrengthOf("a") > fit.StrengthOf("b") && fit.StrengthOf("b") > fit.StrengthOf("c"));
        var gradient = new double[3];
        PairwiseNewtonSolver.LogLikelihood(PairwiseCounts.FromBattles(battles), new BradleyTerryLikelihood(), fit.Strengths, 1, gradient);
        Assert.All(gradient, g => Assert.Equal(0, g, 1e-9));
    }
}
