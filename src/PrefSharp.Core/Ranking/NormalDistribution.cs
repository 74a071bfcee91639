namespace PrefSharp.Core.Ranking;

/// <summary>
/// The standard normal distribution in plain doubles, with an error function of our own:
/// a positive-term series for |x| &lt; 2 (Abramowitz &amp; Stegun 1964, Eq. 7.1.6) and the
/// Laplace continued fraction for the tail (A&amp;S Eq. 7.1.14, evaluated by the modified Lentz method),
/// so that erfc keeps full relative accuracy far into the tail (about 1e-15 relative).
/// Used by the Thurstone–Mosteller model and by normal quantiles of confidence intervals.
/// </summary>
public static class NormalDistribution
{
    private const double SeriesLimit = 2.0;
    private const double TwoOverSqrtPi = 1.1283791670955126;
    private const double LogSqrtPi = 0.57236494292470008;
    private const double InverseSqrtTwoPi = 0.3989422804014327;
    private const double LogSqrtTwoPi = 0.91893853320467274;

    /// <summary>erf(x) = 2/√π ∫₀ˣ e^(−t²) dt.</summary>
    public static double Erf(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        double a = Math.Abs(x);
        double value = a < SeriesLimit ? ErfSeries(a) : 1.0 - Math.Exp(-a * a + LogErfcContinuedFractionFactor(a));
        return x < 0 ? -value : value;
    }

    /// <summary>erfc(x) = 1 − erf(x), accurate in relative terms for large positive x.</summary>
    public static double Erfc(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        if (x < 0) return 2.0 - Erfc(-x);
        return x < SeriesLimit ? 1.0 - ErfSeries(x) : Math.Exp(LogErfc(x));
    }

    /// <summary>log erfc(x), finite even where erfc(x) underflows (x up to ~1e150).</summary>
    public static double LogErfc(double x)
    {
        if (x < SeriesLimit) return Math.Log(Erfc(x));
        return -x * x + LogErfcContinuedFractionFactor(x);
    }

    /// <summary>Φ(x), the standard normal cumulative distribution function: ½·erfc(−x/√2).</summary>
    public static double Cdf(double x) => 0.5 * Erfc(-x / Math.Sqrt(2.0));

    /// <summary>log Φ(x), accurate for very negative x (Φ(−40) ≈ 4e−350 underflows; its log does not).</summary>
    public static double LogCdf(double x) => x > 5 ? AccurateMath.Log1P(-0.5 * Erfc(x / Math.Sqrt(2.0))) : Math.Log(0.5) + LogErfc(-x / Math.Sqrt(2.0));

    /// <summary>φ(x) = e^(−x²/2)/√(2π).</summary>
    public static double Pdf(double x) => InverseSqrtTwoPi * Math.Exp(-0.5 * x * x);

    /// <summary>The inverse Mills ratio φ(x)/Φ(x), stable for very negative x (where it tends to −x).</summary>
    public static double InverseMillsRatio(double x) => Math.Exp(-0.5 * x * x - LogSqrtTwoPi - LogCdf(x));

    /// <summary>
    /// Φ⁻¹(p) for p in (0, 1): Newton's method on log Φ(−x) = log(1 − p) (concave in x, so the iterates
    /// approach the root monotonically after the first step), by symmetry for p &lt; ½, to about 1e-14 relative.
    /// </summary>
    public static double Quantile(double p)
    {
        if (!(p > 0 && p < 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "A probability strictly between 0 and 1 is required.");
        if (p == 0.5) return 0;
        // Work with the smaller tail q = min(p, 1 − p) to keep its precision: solve log Φ(−x) = log q for x > 0.
        return p < 0.5 ? -UpperTailQuantile(Math.Log(p)) : UpperTailQuantile(AccurateMath.Log1P(-p));
    }

    private static double UpperTailQuantile(double logTail)
    {
        double x = Math.Sqrt(-2 * logTail) * 0.5;
        for (int iteration = 0; iteration < 100; iteration++)
        {
            // f(x) = log Φ(−x) − log q is decreasing and concave; f'(x) = −λ(−x) with λ the inverse Mills ratio.
            double f = LogCdf(-x) - logTail;
            double step = f / InverseMillsRatio(-x);
            x += step;
            if (Math.Abs(step) <= 1e-15 * Math.Max(1, Math.Abs(x))) break;
        }
        return x;
    }

    private static double ErfSeries(double x)
    {
        // erf(x) = 2/√π e^(−x²) Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1)); all terms positive, no cancellation.
        double term = x, sum = x, x2 = x * x;
        for (int n = 1; n < 200; n++)
        {
            term *= 2 * x2 / (2 * n + 1);
            sum += term;
            if (term < 1e-17 * sum) break;
        }
        return TwoOverSqrtPi * Math.Exp(-x2) * sum;
    }

    /// <summary>log of erfc(x)·e^(x²) for x ≥ 2 by the continued fraction 1/√π · 1/(x + ½/(x + 1/(x + 3/2/(x + …)))).</summary>
    private static double LogErfcContinuedFractionFactor(double x)
    {
        const double tiny = 1e-300;
        double f = x, c = x, d = 0;
        for (int n = 1; n < 500; n++)
        {
            double a = n * 0.5;
            d = x + a * d;
            d = Math.Abs(d) < tiny ? tiny : d;
            c = x + a / c;
            c = Math.Abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1) < 1e-16) break;
        }
        return -LogSqrtPi - Math.Log(f);
    }
}
