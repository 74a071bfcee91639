namespace PrefSharp.Core.Ranking;

/// <summary>Numerically stable logistic helpers: σ(x) = 1/(1 + e^(−x)) and log σ(x) without overflow.</summary>
public static class LogisticFunctions
{
    public static double Sigmoid(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

    /// <summary>log σ(x) = −log(1 + e^(−x)).</summary>
    public static double LogSigmoid(double x) => x >= 0 ? -AccurateMath.Log1P(Math.Exp(-x)) : x - AccurateMath.Log1P(Math.Exp(x));

    /// <summary>log(e^a + e^b).</summary>
    public static double LogAddExp(double a, double b)
    {
        if (double.IsNegativeInfinity(a)) return b;
        if (double.IsNegativeInfinity(b)) return a;
        return Math.Max(a, b) + AccurateMath.Log1P(Math.Exp(-Math.Abs(a - b)));
    }
}
