using PrefSharp.Core.Ranking;
using PrefSharp.Core.Ranking.Sampling;

namespace PrefSharp.Core.Tests.Ranking;

/// <summary>
/// The bootstrap's exact samplers against their laws. Tolerances come from the laws themselves: a sample mean of D
/// draws is off by more than 5 standard errors with probability below 10⁻⁶; a sample variance's relative error has
/// standard deviation √((κ + 2)/D) for excess kurtosis κ (1/μ for the Poisson).
/// </summary>
public class SamplingTests
{
    [Theory]
    [InlineData(0.3)]     // inversion
    [InlineData(9.5)]     // inversion, many terms
    [InlineData(10.0)]    // PTRS at its threshold
    [InlineData(67.0)]    // a typical cell of a million battles among 100 models
    [InlineData(40_000.0)]
    public void Poisson_draws_have_the_poisson_mean_and_variance(double mean)
    {
        var draw = new PoissonDraw(mean);
        var random = new Random(1);
        const int draws = 200_000;
        double sum = 0, sumSquares = 0;
        for (int k = 0; k < draws; k++)
        {
            double x = draw.Sample(random);
            sum += x;
            sumSquares += x * x;
        }
        double sampleMean = sum / draws, variance = sumSquares / draws - sampleMean * sampleMean;
        Assert.True(Math.Abs(sampleMean - mean) < 5 * Math.Sqrt(mean / draws), $"mean {sampleMean} vs {mean}");
        Assert.True(Math.Abs(variance / mean - 1) < 5 * Math.Sqrt((1 / mean + 2) / draws), $"variance {variance} vs {mean}");
    }

    [Fact]
    public void Ptrs_frequencies_pass_a_chi_square_test_against_the_exact_pmf()
    {
        // μ = 24 (PTRS). Cells 12..38 plus two tails: 28 degrees of freedom, whose 99.9 % quantile is 56.9.
        const double mean = 24;
        const int draws = 200_000;
        var draw = new PoissonDraw(mean);
        var random = new Random(2);
        var observed = new int[200];
        for (int k = 0; k < draws; k++) observed[draw.Sample(random)]++;
        double Pmf(int k) => Math.Exp(-mean + k * Math.Log(mean) - AccurateMath.LogGamma(k + 1.0));
        double chiSquare = 0, lowP = 0, highP = 0, low = 0, high = 0;
        for (int k = 0; k < observed.Length; k++)
        {
            if (k < 12) { lowP += Pmf(k); low += observed[k]; }
            else if (k > 38) { highP += Pmf(k); high += observed[k]; }
            else chiSquare += Math.Pow(observed[k] - draws * Pmf(k), 2) / (draws * Pmf(k));
        }
        chiSquare += Math.Pow(low - draws * lowP, 2) / (draws * lowP) + Math.Pow(high - draws * highP, 2) / (draws * highP);
        Assert.True(chiSquare < 56.9, $"χ² = {chiSquare}");
    }

    [Fact]
    public void Alias_table_frequencies_match_the_weights()
    {
        int[] weights = [5, 0, 1, 30, 4];
        var table = new AliasTable(weights);
        var random = new Random(4);
        const int draws = 400_000;
        var observed = new int[weights.Length];
        for (int k = 0; k < draws; k++) observed[table.Sample(random)]++;
        Assert.Equal(0, observed[1]);
        for (int k = 0; k < weights.Length; k++)
        {
            double p = weights[k] / 40.0;
            Assert.True(Math.Abs(observed[k] - draws * p) <= 5 * Math.Sqrt(draws * p * (1 - p)), $"cell {k}: {observed[k]} vs {draws * p}");
        }
    }

    [Fact]
    public void Multinomial_keeps_the_total_and_has_the_multinomial_means_variances_and_covariance()
    {
        int[] counts = [500, 0, 3, 1200, 7, 290];
        const int n = 2000, rounds = 40_000;
        var sampler = new MultinomialSampler(counts);
        var random = new Random(3);
        var result = new int[counts.Length];
        var (sums, squares) = (new double[counts.Length], new double[counts.Length]);
        double crossSum = 0;  // cells 0 and 3
        for (int r = 0; r < rounds; r++)
        {
            sampler.Sample(random, result);
            Assert.Equal(n, result.Sum());
            Assert.Equal(0, result[1]);
            for (int k = 0; k < counts.Length; k++) (sums[k], squares[k]) = (sums[k] + result[k], squares[k] + (double)result[k] * result[k]);
            crossSum += (double)result[0] * result[3];
        }
        for (int k = 0; k < counts.Length; k++)
        {
            double p = counts[k] / (double)n, mean = sums[k] / rounds, variance = squares[k] / rounds - mean * mean, expected = n * p * (1 - p);
            Assert.True(Math.Abs(mean - n * p) <= 5 * Math.Sqrt(expected / rounds) + 1e-12, $"cell {k}: mean {mean} vs {n * p}");
            if (expected > 0) Assert.True(Math.Abs(variance / expected - 1) < 5 * Math.Sqrt(3.0 / rounds) + 5 / (expected * Math.Sqrt(rounds)), $"cell {k}: variance {variance} vs {expected}");
        }
        double covariance = crossSum / rounds - sums[0] / rounds * (sums[3] / rounds), expectedCovariance = -n * 0.25 * 0.6;
        Assert.True(Math.Abs(covariance / expectedCovariance - 1) < 0.05, $"covariance {covariance} vs {expectedCovariance}");
    }
}
