using PrefSharp.Core.Ranking;

namespace PrefSharp.Core.Tests.Ranking;

public class BinomialSamplerTests
{
    [Theory]
    [InlineData(20, 0.1)]      // inversion
    [InlineData(1000, 0.3)]    // BTRS
    [InlineData(1000, 0.97)]   // BTRS on the flipped side
    [InlineData(50_000, 0.5)]
    public void MeanAndVarianceMatchTheBinomial(int n, double p)
    {
        var random = new Random(1);
        const int draws = 200_000;
        double sum = 0, sumSquares = 0;
        for (int k = 0; k < draws; k++)
        {
            double x = BinomialSampler.Sample(random, n, p);
            sum += x;
            sumSquares += x * x;
        }
        double mean = sum / draws, variance = sumSquares / draws - mean * mean, expectedVariance = n * p * (1 - p);
        Assert.True(Math.Abs(mean - n * p) < 5 * Math.Sqrt(expectedVariance / draws), $"mean {mean} vs {n * p}");
        Assert.True(Math.Abs(variance / expectedVariance - 1) < 0.02, $"variance {variance} vs {expectedVariance}");
    }

    [Fact]
    public void BtrsFrequenciesPassAChiSquareTestAgainstTheExactPmf()
    {
        // n = 60, p = 0.4 (np = 24: BTRS). Cells 14..34 plus two tails; χ² with ~22 d.f.: 99.9% quantile ≈ 48.
        const int n = 60, draws = 200_000;
        const double p = 0.4;
        var random = new Random(2);
        var observed = new int[n + 1];
        for (int k = 0; k < draws; k++) observed[BinomialSampler.Sample(random, n, p)]++;
        double LogPmf(int k) => AccurateMath.LogGamma(n + 1) - AccurateMath.LogGamma(k + 1) - AccurateMath.LogGamma(n - k + 1)
            + k * Math.Log(p) + (n - k) * Math.Log(1 - p);
        double chiSquare = 0, lowTailP = 0, highTailP = 0;
        int lowTail = 0, highTail = 0;
        for (int k = 0; k <= n; k++)
        {
            double probability = Math.Exp(LogPmf(k));
            if (k < 14) { lowTailP += probability; lowTail += observed[k]; }
            else if (k > 34) { highTailP += probability; highTail += observed[k]; }
            else chiSquare += Math.Pow(observed[k] - draws * probability, 2) / (draws * probability);
        }
        chiSquare += Math.Pow(lowTail - draws * lowTailP, 2) / (draws * lowTailP) + Math.Pow(highTail - draws * highTailP, 2) / (draws * highTailP);
        Assert.True(chiSquare < 48, $"χ² = {chiSquare}");
    }

    [Fact]
    public void MultinomialKeepsTheTotalAndTheMeans()
    {
        int[] counts = [500, 0, 3, 1200, 7, 290];
        var random = new Random(3);
        var result = new int[counts.Length];
        var sums = new double[counts.Length];
        const int rounds = 20_000;
        for (int r = 0; r < rounds; r++)
        {
            BinomialSampler.Multinomial(random, counts, result);
            Assert.Equal(counts.Sum(), result.Sum());
            Assert.Equal(0, result[1]);
            for (int k = 0; k < counts.Length; k++) sums[k] += result[k];
        }
        for (int k = 0; k < counts.Length; k++) Assert.Equal(counts[k], sums[k] / rounds, 0.05 * Math.Sqrt(counts[k]) + 0.01);
    }
}
