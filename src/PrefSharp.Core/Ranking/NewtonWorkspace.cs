namespace PrefSharp.Core.Ranking;

/// <summary>
/// The dense buffers of one <see cref="PairwiseNewtonSolver"/> fit (parameters, trial point, gradient, Hessian, the
/// Newton system and its Cholesky factor, the step), kept between fits so that repeated fits of the same size —
/// bootstrap rounds on one thread — allocate nothing but their result. Not thread-safe: one workspace per thread.
/// </summary>
internal sealed class NewtonWorkspace
{
    public double[] X { get; private set; } = [];
    public double[] Trial { get; private set; } = [];
    public double[] Gradient { get; private set; } = [];
    public double[] Step { get; private set; } = [];
    public double[]? Hessian { get; private set; }
    public double[]? System { get; private set; }

    /// <summary>Sizes the buffers for <paramref name="dim"/> parameters, <paramref name="free"/> of them moved; dense ones only when asked.</summary>
    public void Prepare(int dim, int free, bool dense)
    {
        if (X.Length != dim) { X = new double[dim]; Trial = new double[dim]; Gradient = new double[dim]; }
        if (Step.Length != free) Step = new double[free];
        if (dense && Hessian?.Length != dim * dim) Hessian = new double[dim * dim];
        if (dense && System?.Length != free * free) System = new double[free * free];
    }
}
