namespace PrefSharp.Core.Ranking;

/// <summary>
/// The buffers of one <see cref="PairwiseNewtonSolver"/> fit (parameters, trial point, gradient, Hessian, the
/// Newton system and its Cholesky factor, the step; for many items the pair-wise curvature and the conjugate-gradient
/// vectors), kept between fits so that repeated fits of the same size — bootstrap rounds on one thread — allocate
/// nothing but their result. Not thread-safe: one workspace per thread.
/// </summary>
internal sealed class NewtonWorkspace
{
    public double[] X { get; private set; } = [];
    public double[] Trial { get; private set; } = [];
    public double[] Gradient { get; private set; } = [];
    public double[] Step { get; private set; } = [];
    public double[]? Hessian { get; private set; }
    public double[]? System { get; private set; }

    private SparseCurvature? _curvature;
    private ConjugateGradientStep? _conjugateGradient;

    /// <summary>The pair-wise curvature of <paramref name="counts"/> (kept while the same counts are refitted).</summary>
    public SparseCurvature Curvature(PairwiseCounts counts, bool hasTieParameter, double priorPrecision)
    {
        if (_curvature is null || !_curvature.Describes(counts, hasTieParameter)) _curvature = new SparseCurvature(counts, hasTieParameter);
        _curvature.PriorPrecision = priorPrecision;
        return _curvature;
    }

    /// <summary>The conjugate-gradient buffers for <paramref name="dim"/> parameters.</summary>
    public ConjugateGradientStep ConjugateGradient(int dim) =>
        _conjugateGradient is { Dimension: var d } existing && d == dim ? existing : _conjugateGradient = new ConjugateGradientStep(dim);

    /// <summary>Sizes the buffers for <paramref name="dim"/> parameters, <paramref name="free"/> of them moved; dense ones only when asked.</summary>
    public void Prepare(int dim, int free, bool dense)
    {
        if (X.Length != dim) { X = new double[dim]; Trial = new double[dim]; Gradient = new double[dim]; }
        if (Step.Length != free) Step = new double[free];
        if (dense && Hessian?.Length != dim * dim) Hessian = new double[dim * dim];
        if (dense && System?.Length != free * free) System = new double[free * free];
    }
}
