namespace PrefSharp.Core.Ranking.Optimization;

/// <summary>Options of <see cref="WeightedLogisticRegression"/>.</summary>
public sealed record LogisticRegressionOptions
{
    /// <summary>
    /// L2 penalty λ in the objective Σᵢ wᵢ·CE(yᵢ, σ(zᵢ)) + (λ/2)·Σ_k s_k·(β_k − c_k)². Default 0 (plain maximum likelihood).
    /// sklearn's <c>LogisticRegression(C)</c> corresponds to λ = 1/C with unit sample weights.
    /// </summary>
    public double L2Penalty { get; init; }

    /// <summary>Per-coefficient multipliers s_k of the L2 penalty (0 leaves a coefficient unpenalised); null means all 1.</summary>
    public double[]? PenaltyScale { get; init; }

    /// <summary>Per-coefficient centres c_k of the L2 penalty, (λ/2)·Σ s_k (β_k − c_k)² (a Gaussian prior mean); null means all 0.</summary>
    public double[]? PenaltyCenter { get; init; }

    /// <summary>Newton iterations at most. Default 100.</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>Stop when the largest absolute gradient entry falls below this. Default 1e-11 (times total weight).</summary>
    public double GradientTolerance { get; init; } = 1e-11;
}
