namespace PrefSharp.Core.Ranking.Optimization;

/// <summary>Result of <see cref="WeightedLogisticRegression.Fit"/>.</summary>
/// <param name="Coefficients">The fitted β.</param>
/// <param name="LogLikelihood">Σᵢ wᵢ·[yᵢ log σ(zᵢ) + (1 − yᵢ) log σ(−zᵢ)] at β (no penalty).</param>
/// <param name="PenalizedObjective">−LogLikelihood + (λ/2)·Σ s_k β_k², the minimised objective.</param>
/// <param name="Iterations">Newton iterations taken.</param>
/// <param name="Converged">Whether the gradient tolerance was met.</param>
public sealed record LogisticRegressionFit(double[] Coefficients, double LogLikelihood, double PenalizedObjective, int Iterations, bool Converged);
