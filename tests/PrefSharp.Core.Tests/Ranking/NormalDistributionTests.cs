using PrefSharp.Core.Ranking;

namespace PrefSharp.Core.Tests.Ranking;

public class NormalDistributionTests
{
    // Golden values: CPython's math.erf / math.erfc (glibc, correctly rounded to ~1 ulp).
    [Theory]
    [InlineData(0.1, 0.1124629160182849, 0.8875370839817152)]
    [InlineData(0.5, 0.5204998778130465, 0.4795001221869535)]
    [InlineData(1.0, 0.8427007929497149, 0.15729920705028513)]
    [InlineData(1.5, 0.9661051464753108, 0.033894853524689274)]
    [InlineData(2.0, 0.9953222650189527, 0.004677734981047265)]
    [InlineData(2.5, 0.999593047982555, 0.0004069520174449589)]
    [InlineData(3.0, 0.9999779095030014, 2.2090496998585438e-05)]
    [InlineData(5.0, 0.9999999999984626, 1.5374597944280351e-12)]
    [InlineData(10.0, 1.0, 2.088487583762545e-45)]
    [InlineData(26.0, 1.0, 5.663192408856143e-296)]
    public void ErfAndErfcMatchReferenceToFullRelativePrecision(double x, double erf, double erfc)
    {
        Assert.Equal(erf, NormalDistribution.Erf(x), 1e-15 * Math.Abs(erf));
        Assert.Equal(-erf, NormalDistribution.Erf(-x), 1e-15 * Math.Abs(erf));
        // e^(−x²) carries a relative error of about x²·ε (x² = 676 at x = 26), hence the x-dependent bound.
        double bound = 2e-15 * Math.Max(10, x * x);
        Assert.True(Math.Abs(NormalDistribution.Erfc(x) / erfc - 1) < bound, $"erfc({x}) = {NormalDistribution.Erfc(x)} vs {erfc}");
    }

    [Theory]
    [InlineData(-1.96, 0.024997895148220435)]
    [InlineData(-5.0, 2.866515718791946e-07)]
    [InlineData(-10.0, 7.619853024160593e-24)]
    [InlineData(0.5, 0.6914624612740131)]
    public void CdfMatchesReference(double x, double expected)
    {
        Assert.True(Math.Abs(NormalDistribution.Cdf(x) / expected - 1) < 2e-14);
        Assert.Equal(Math.Log(expected), NormalDistribution.LogCdf(x), 1e-13 * Math.Abs(Math.Log(expected)));
    }

    [Fact]
    public void LogCdfStaysFiniteFarInTheTail()
    {
        // Φ(−30) = 4.906713927148764e−198 (CPython 0.5·erfc(30/√2)); Φ(−40) underflows but its log must not.
        Assert.Equal(Math.Log(4.906713927148764e-198), NormalDistribution.LogCdf(-30), 1e-12);
        double logPhi40 = NormalDistribution.LogCdf(-40);
        // Asymptotically log Φ(−x) ≈ −x²/2 − log(x√(2π)) − 1/x²: for x = 40, −804.608…
        Assert.Equal(-800 - Math.Log(40 * Math.Sqrt(2 * Math.PI)) - 1.0 / 1600, logPhi40, 1e-5);
        Assert.Equal(40, NormalDistribution.InverseMillsRatio(-40), 0.05);
    }

    [Theory]
    [InlineData(0.975, 1.959963984540054)]
    [InlineData(0.95, 1.6448536269514722)]
    [InlineData(0.5, 0.0)]
    [InlineData(1e-10, -6.361340902404056)]
    public void QuantileInvertsTheCdf(double p, double expected)
    {
        Assert.Equal(expected, NormalDistribution.Quantile(p), 1e-12);
        if (p != 0.5) Assert.True(Math.Abs(NormalDistribution.Cdf(NormalDistribution.Quantile(p)) / p - 1) < 1e-12);
    }
}
