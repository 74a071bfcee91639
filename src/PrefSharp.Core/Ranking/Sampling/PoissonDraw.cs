namespace PrefSharp.Core.Ranking.Sampling;

/// <summary>
/// Exact draws from Poisson(μ) for one fixed μ, with everything that depends on μ alone computed once: inversion
/// (sequential search of the CDF) below μ = 10, otherwise Hörmann's PTRS transformed rejection (Hörmann 1993, "The
/// transformed rejection method for generating Poisson random variables", Insurance: Mathematics and Economics 12,
/// algorithm PTRS) with the exact log-pmf acceptance test. A draw costs two uniforms and no logarithm most of the time.
/// </summary>
public readonly struct PoissonDraw
{
    private readonly double mean, expMinusMean, logMean, a, b, vr, logInverseAlpha;

    public PoissonDraw(double mean)
    {
        if (!(mean >= 0) || !double.IsFinite(mean)) throw new ArgumentOutOfRangeException(nameof(mean), mean, "a Poisson mean must be finite and ≥ 0");
        this.mean = mean;
        expMinusMean = Math.Exp(-mean);
        logMean = Math.Log(mean);
        b = 0.931 + 2.53 * Math.Sqrt(mean);
        a = -0.059 + 0.02483 * b;
        vr = 0.9277 - 3.6224 / (b - 2);
        logInverseAlpha = Math.Log(1.1239 + 1.1328 / (b - 3.4));
    }

    public int Sample(Random random) => mean == 0 ? 0 : mean < 10 ? Inversion(random) : TransformedRejection(random);

    private int Inversion(Random random)
    {
        while (true)
        {
            double u = random.NextDouble(), probability = expMinusMean, cumulative = probability;
            int k = 0;
            while (u > cumulative && k < 1000)
            {
                k++;
                probability *= mean / k;
                cumulative += probability;
            }
            if (u <= cumulative) return k;  // else rounding left u above the summed CDF: draw again
        }
    }

    private int TransformedRejection(Random random)
    {
        while (true)
        {
            double u = random.NextDouble() - 0.5, v = random.NextDouble();
            double us = 0.5 - Math.Abs(u);
            double k = Math.Floor((2 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= vr) return (int)k;  // the squeeze: accepted without a logarithm
            if (k < 0 || (us < 0.013 && v > us)) continue;
            if (Math.Log(v) + logInverseAlpha - Math.Log(a / (us * us) + b) <= -mean + k * logMean - LogFactorial.Of((int)k)) return (int)k;
        }
    }
}
