namespace PrefSharp.Core.Ranking;

/// <summary>
/// Exact binomial and multinomial draws in O(1) expected time: inversion (sequential search of the CDF) when
/// n·min(p, 1−p) &lt; 10, otherwise the BTRS transformed-rejection sampler of Hörmann (1993, "The generation of
/// binomial random variates", J. Stat. Comput. Simul. 46, Algorithm BTRS) with the exact log-pmf acceptance test.
/// </summary>
public static class BinomialSampler
{
    /// <summary>A draw from Binomial(n, p).</summary>
    public static int Sample(Random random, int n, double p)
    {
        if (n <= 0 || p <= 0) return 0;
        if (p >= 1) return n;
        if (p > 0.5) return n - Sample(random, n, 1 - p);
        return n * p < 10 ? Inversion(random, n, p) : Btrs(random, n, p);
    }

    /// <summary>
    /// Multinomial(total, counts/Σcounts) over the cells, by conditional binomials: cell k gets
    /// Binomial(remaining draws, counts[k] / remaining count mass). Writes into <paramref name="result"/>.
    /// This is the law of the cell counts when the underlying items are resampled with replacement.
    /// </summary>
    public static void Multinomial(Random random, ReadOnlySpan<int> counts, Span<int> result)
    {
        long remainingMass = 0;
        foreach (int count in counts) remainingMass += count;
        int remainingDraws = checked((int)remainingMass);
        for (int cell = 0; cell < counts.Length; cell++)
        {
            int count = counts[cell];
            int draw = remainingDraws == 0 || count == 0 ? 0
                : count == remainingMass ? remainingDraws
                : Sample(random, remainingDraws, (double)count / remainingMass);
            result[cell] = draw;
            remainingDraws -= draw;
            remainingMass -= count;
        }
    }

    private static int Inversion(Random random, int n, double p)
    {
        double q = 1 - p, s = p / q, a = (n + 1) * s;
        double start = Math.Exp(n * AccurateMath.Log1P(-p));
        while (true)
        {
            double r = start, u = random.NextDouble();
            int x = 0;
            while (u > r)
            {
                u -= r;
                x++;
                if (x > n) break;
                r *= a / x - s;
            }
            if (x <= n) return x;
        }
    }

    private static int Btrs(Random random, int n, double p)
    {
        double spq = Math.Sqrt(n * p * (1 - p));
        double b = 1.15 + 2.53 * spq;
        double a = -0.0873 + 0.0248 * b + 0.01 * p;
        double c = n * p + 0.5;
        double vr = 0.92 - 4.2 / b;
        int mode = (int)Math.Floor((n + 1) * p);
        double alpha = double.NaN, logOdds = double.NaN, logFactorialsAtMode = double.NaN; // only the rejection step needs them
        while (true)
        {
            double u = random.NextDouble() - 0.5, v = random.NextDouble();
            double us = 0.5 - Math.Abs(u);
            double kDouble = Math.Floor((2 * a / us + b) * u + c);
            if (kDouble < 0 || kDouble > n) continue;
            int k = (int)kDouble;
            if (us >= 0.07 && v <= vr) return k; // the squeeze: accepted without a log
            if (double.IsNaN(alpha))
            {
                alpha = (2.83 + 5.1 / b) * spq;
                logOdds = Math.Log(p / (1 - p));
                logFactorialsAtMode = LogFactorial(mode) + LogFactorial(n - mode);
            }
            v = Math.Log(v * alpha / (a / (us * us) + b));
            // Accept when v ≤ log(f(k)/f(mode)), f the binomial pmf.
            if (v <= logFactorialsAtMode - LogFactorial(k) - LogFactorial(n - k) + (k - mode) * logOdds) return k;
        }
    }

    private static readonly double[] LogFactorialTable = BuildLogFactorialTable(1024);

    /// <summary>log k!: a table below 1024, Stirling's series (via <see cref="AccurateMath.LogGamma"/>) above.</summary>
    internal static double LogFactorial(int k) => k < LogFactorialTable.Length ? LogFactorialTable[k] : AccurateMath.LogGamma(k + 1.0);

    private static double[] BuildLogFactorialTable(int size)
    {
        var table = new double[size];
        for (int k = 1; k < size; k++) table[k] = table[k - 1] + Math.Log(k);
        return table;
    }
}
