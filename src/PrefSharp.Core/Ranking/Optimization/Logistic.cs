namespace PrefSharp.Core.Ranking.Optimization;

/// <summary>Numerically stable logistic helpers shared by every model in Ranking part B.</summary>
public static class Logistic
{
    /// <summary>σ(z) = 1 / (1 + e^{−z}), evaluated without overflow for large |z|.</summary>
    public static double Sigmoid(double z) =>
        z >= 0 ? 1.0 / (1.0 + Math.Exp(-z)) : Math.Exp(z) / (1.0 + Math.Exp(z));

    /// <summary>log σ(z) = −log(1 + e^{−z}), stable for large |z|.</summary>
    public static double LogSigmoid(double z) =>
        z >= 0 ? -Math.Log(1.0 + Math.Exp(-z)) : z - Math.Log(1.0 + Math.Exp(z));

    /// <summary>
    /// Soft-label log-likelihood of one observation: y·log σ(z) + (1 − y)·log σ(−z), for y ∈ [0, 1].
    /// For y ∈ {0, 1} this is the Bernoulli log-likelihood; for soft y it is the negative cross-entropy.
    /// </summary>
    public static double SoftLogLikelihood(double target, double logit) =>
        target * LogSigmoid(logit) + (1.0 - target) * LogSigmoid(-logit);
}
