namespace PrefSharp.Core.Ranking;

/// <summary>
/// The one set of logistic helpers of the library, numerically stable: σ(x) = 1/(1 + e^(−x)), log σ(x) and the
/// soft-label log-likelihood without overflow for large |x|.
/// </summary>
public static class LogisticFunctions
{
    public static double Sigmoid(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

    /// <summary>log σ(x) = −log(1 + e^(−x)).</summary>
    public static double LogSigmoid(double x) => x >= 0 ? -AccurateMath.Log1P(Math.Exp(-x)) : x - AccurateMath.Log1P(Math.Exp(x));

    /// <summary>
    /// Soft-label log-likelihood of one observation: y·log σ(z) + (1 − y)·log σ(−z) for y ∈ [0, 1] (the Bernoulli
    /// log-likelihood for y ∈ {0, 1}, the negative cross-entropy otherwise).
    /// </summary>
    public static double SoftLogLikelihood(double target, double logit) =>
        target * LogSigmoid(logit) + (1.0 - target) * LogSigmoid(-logit);

    /// <summary>log(e^a + e^b).</summary>
    public static double LogAddExp(double a, double b)
    {
        if (double.IsNegativeInfinity(a)) return b;
        if (double.IsNegativeInfinity(b)) return a;
        return Math.Max(a, b) + AccurateMath.Log1P(Math.Exp(-Math.Abs(a - b)));
    }
}
