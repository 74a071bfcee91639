using PrefSharp.Core.Ranking;
using PrefSharp.Core.Ranking.Optimization;
using PrefSharp.Core.Ranking.Style;

namespace PrefSharp.Core.Tests.Ranking.Style;

public sealed class LengthControlledWinRateTests
{
    /// <summary>
    /// A judge with a planted length bias: logit = θ + γ_x + φ·tanh(δ/sd(δ)), δ = len(baseline) − len(model), φ = −1.5.
    /// The same model answered once concisely and once verbosely; with exact soft labels the GLM recovers θ and φ,
    /// so both LC win rates equal 100·mean σ(θ + γ_x) while the raw win rates differ widely.
    /// </summary>
    [Fact]
    public void Removes_a_planted_length_bias_from_a_verbose_variant()
    {
        var random = new Random(7);
        const int instructions = 400;
        const double theta = -1.0, phi = -1.5;
        var gamma = Enumerable.Range(0, instructions).Select(_ => Gaussian(random)).ToArray();
        var baselineLength = Enumerable.Range(0, instructions).Select(_ => 1500 + 500 * Gaussian(random)).ToArray();
        var rows = new List<LengthControlledAnnotation>();
        foreach (var (model, factor) in new[] { ("concise", 0.6), ("verbose", 1.8) })
        {
            var lengths = baselineLength.Select(l => factor * l * Math.Exp(0.3 * Gaussian(random))).ToArray();
            var delta = baselineLength.Zip(lengths, (b, m) => b - m).ToArray();
            double mean = delta.Average(), sd = Math.Sqrt(delta.Sum(d => (d - mean) * (d - mean)) / (instructions - 1));
            for (int x = 0; x < instructions; x++)
                rows.Add(new LengthControlledAnnotation(x.ToString(), model,
                    LogisticFunctions.Sigmoid(theta + gamma[x] + phi * Math.Tanh(delta[x] / sd)), lengths[x], baselineLength[x]));
        }
        var difficulty = Enumerable.Range(0, instructions).ToDictionary(x => x.ToString(), x => gamma[x]);
        var results = LengthControlledWinRate.Compute(rows, difficulty, new LengthControlOptions { PriorStrength = 0, L2Penalty = 0 })
            .ToDictionary(r => r.Model);
        double expected = 100 * gamma.Average(g => LogisticFunctions.Sigmoid(theta + g));
        Assert.True(results["verbose"].WinRate - results["concise"].WinRate > 30, "the planted bias must move the raw win rate");
        foreach (var r in results.Values)
        {
            Assert.Equal(expected, r.LengthControlledWinRate, 6);
            Assert.Equal(phi, r.LengthCoefficient, 6);
            Assert.Equal(1.0, r.DifficultyCoefficient, 6);
        }
    }

    /// <summary>Golden: the baseline against itself gets exactly 50, as in AlpacaEval.</summary>
    [Fact]
    public void Baseline_against_itself_scores_fifty()
    {
        var rows = Enumerable.Range(0, 5).Select(x => new LengthControlledAnnotation(x.ToString(), "base", 0.5, 100, 100)).ToList();
        var result = Assert.Single(LengthControlledWinRate.Compute(rows));
        Assert.Equal(50, result.LengthControlledWinRate);
        Assert.Equal(50, result.WinRate);
    }

    internal static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
