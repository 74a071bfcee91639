using PrefSharp.Core.Data;
using PrefSharp.Core.Ranking;

namespace PrefSharp.Core.Tests.Ranking;

/// <summary>Analytic gradients and Hessians of every log-likelihood against central finite differences (plain doubles).</summary>
public class LikelihoodDerivativeTests
{
    private static PairwiseCounts MixedData()
    {
        var random = new Random(5);
        var battles = new List<Battle>();
        string[] names = ["a", "b", "c", "d"];
        for (int k = 0; k < 60; k++)
        {
            int i = random.Next(4), j = (i + 1 + random.Next(3)) % 4;
            var outcome = (BattleOutcome)random.Next(3);
            battles.Add(new Battle(names[i], names[j], outcome) { Weight = 0.5 + random.NextDouble() });
        }
        battles.Add(new Battle("a", "c", BattleOutcome.A) { ScoreA = 0.8 });
        return PairwiseCounts.FromBattles(battles);
    }

    public static TheoryData<string> Models => ["bt", "rao-kupper", "davidson", "thurstone"];

    [Theory]
    [MemberData(nameof(Models))]
    public void PairwiseGradientAndHessianMatchFiniteDifferences(string model)
    {
        var counts = MixedData();
        double[] x = [0.3, -0.2, 0.5, -0.6, 0.4]; // four strengths and τ
        switch (model)
        {
            case "bt": Check(counts, new BradleyTerryLikelihood(), x[..4]); break;
            case "rao-kupper": Check(counts, new RaoKupperLikelihood(), x); break;
            case "davidson": Check(counts, new DavidsonLikelihood(), x); break;
            default: Check(counts, new ThurstoneLikelihood(), x[..4]); break;
        }
    }

    private static void Check<TModel>(PairwiseCounts counts, TModel model, double[] x) where TModel : struct, IPairwiseLikelihood
    {
        int dim = x.Length;
        var gradient = new double[dim];
        var hessian = new double[dim * dim];
        PairwiseNewtonSolver.LogLikelihood(counts, model, x, 0.3, gradient, hessian);
        const double h = 1e-5;
        for (int k = 0; k < dim; k++)
        {
            double[] plus = (double[])x.Clone(), minus = (double[])x.Clone();
            plus[k] += h;
            minus[k] -= h;
            var gPlus = new double[dim];
            var gMinus = new double[dim];
            double numeric = (PairwiseNewtonSolver.LogLikelihood(counts, model, plus, 0.3, gPlus)
                - PairwiseNewtonSolver.LogLikelihood(counts, model, minus, 0.3, gMinus)) / (2 * h);
            Assert.Equal(numeric, gradient[k], 1e-6);
            for (int j = 0; j < dim; j++) Assert.Equal((gPlus[j] - gMinus[j]) / (2 * h), hessian[j * dim + k], 1e-5);
        }
    }

    [Fact]
    public void BattleScoresSumToTheGradient()
    {
        // Σ_battles w·∂log P/∂d over a pair equals the pair's ∂ℓ/∂d (the sandwich's per-battle scores are consistent).
        var counts = MixedData();
        var model = new RaoKupperLikelihood();
        double d = 0.37, tau = 0.45;
        for (int pair = 0; pair < counts.PairCount; pair++)
        {
            model.Evaluate(d, tau, counts, pair, out var derivatives);
            double sumD = 0, sumTau = 0;
            for (int cell = 0; cell < counts.CellCountTotal; cell++)
            {
                if (counts.CellPair[cell] != pair) continue;
                var (gd, gt) = model.BattleScore(d, tau, counts.CellOutcome[cell], counts.CellFirstScore[cell]);
                sumD += counts.CellCount[cell] * counts.CellWeight[cell] * gd;
                sumTau += counts.CellCount[cell] * counts.CellWeight[cell] * gt;
            }
            Assert.Equal(derivatives.D, sumD, 1e-10);
            Assert.Equal(derivatives.Tau, sumTau, 1e-10);
        }
    }

    [Fact]
    public void PlackettLuceGradientMatchesFiniteDifferences()
    {
        var data = new ChoiceData()
            .AddRanking(["a", "b", "c", "d"])
            .AddPartialRanking(["d", "a"], ["b", "c"], 2)
            .AddChoice("c", ["a", "b"], 0.5)
            .AddRanking(["b", "d"]);
        double[] beta = [0.2, -0.1, 0.4, -0.3];
        var gradient = new double[4];
        PlackettLuceLikelihood.Evaluate(data, beta, gradient, 0.1);
        const double h = 1e-6;
        for (int k = 0; k < 4; k++)
        {
            double[] plus = (double[])beta.Clone(), minus = (double[])beta.Clone();
            plus[k] += h;
            minus[k] -= h;
            double numeric = (PlackettLuceLikelihood.Evaluate(data, plus, [], 0.1) - PlackettLuceLikelihood.Evaluate(data, minus, [], 0.1)) / (2 * h);
            Assert.Equal(numeric, gradient[k], 1e-7);
        }
        // Hand value of the first observation at β = 0: log(1/4 · 1/3 · 1/2) = −log 24.
        var single = new ChoiceData().AddRanking(["a", "b", "c", "d"]);
        Assert.Equal(-Math.Log(24), PlackettLuceLikelihood.Evaluate(single, new double[4], []), 1e-12);
    }
}
