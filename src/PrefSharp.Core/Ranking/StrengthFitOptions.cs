namespace PrefSharp.Core.Ranking;

/// <summary>Settings of a maximum-likelihood strength fit (pairwise Newton, Plackett–Luce MM or L-BFGS).</summary>
public sealed record StrengthFitOptions
{
    /// <summary>
    /// Precision λ of an independent Gaussian prior N(0, 1/λ) on every log-strength (an L2 penalty λ/2·Σβ²);
    /// 0 (default) is the plain maximum-likelihood estimate. A positive λ keeps estimates finite when an item
    /// never loses or never wins.
    /// </summary>
    public double PriorPrecision { get; init; }

    /// <summary>Stop when the largest Newton step is below Tolerance·max(1, max|x|); default 1e-10.</summary>
    public double Tolerance { get; init; } = 1e-10;

    /// <summary>Newton iterations at most; default 100.</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>
    /// Pairwise Newton solves its step by a dense Cholesky factor (n² memory, n³/3 work) up to this many items and by
    /// conjugate gradients on the pair-wise Hessian above (O(pairs + n)); default 1000. Both reach the same optimum.
    /// </summary>
    public int DenseItemLimit { get; init; } = 1000;

    /// <summary>
    /// Fit a disconnected comparison graph by fixing one origin per connected component (each component centred
    /// at 0) instead of failing with <see cref="DisconnectedComparisonGraphException"/>; default false.
    /// </summary>
    public bool AnchorEachComponent { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        if (!(PriorPrecision >= 0) || double.IsInfinity(PriorPrecision))
            throw new ArgumentException($"PriorPrecision must be finite and ≥ 0 (got {PriorPrecision}).", nameof(PriorPrecision));
        if (!(Tolerance > 0 && Tolerance < 1))
            throw new ArgumentException($"Tolerance must be in (0, 1) (got {Tolerance}).", nameof(Tolerance));
        if (DenseItemLimit < 0)
            throw new ArgumentException($"DenseItemLimit must be ≥ 0 (got {DenseItemLimit}).", nameof(DenseItemLimit));
        if (MaxIterations < 1)
            throw new ArgumentException($"MaxIterations must be ≥ 1 (got {MaxIterations}).", nameof(MaxIterations));
    }
}
