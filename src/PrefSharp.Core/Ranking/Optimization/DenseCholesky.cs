namespace PrefSharp.Core.Ranking.Optimization;

/// <summary>
/// A factorised dense symmetric positive-(semi)definite matrix for Newton steps (Hessians of penalised
/// log-likelihoods) and Fisher-information covariances, over <see cref="CholeskySolver"/>'s in-place routines.
/// When A is only semi-definite a growing diagonal jitter (1e-12·mean |diagonal|, ×10 per retry) is added.
/// </summary>
public sealed class DenseCholesky
{
    private readonly double[] factor;

    /// <summary>The matrix order.</summary>
    public int Size { get; }

    /// <summary>The diagonal jitter that had to be added to A (0 when A was positive definite).</summary>
    public double JitterAdded { get; }

    /// <summary>Factorises <paramref name="matrix"/> (only the lower triangle is read; it is not modified).</summary>
    public DenseCholesky(double[,] matrix)
    {
        Size = matrix.GetLength(0);
        if (matrix.GetLength(1) != Size) throw new ArgumentException("Matrix must be square.", nameof(matrix));
        factor = new double[Size * Size];
        double trace = 0;
        for (int i = 0; i < Size; i++) trace += Math.Abs(matrix[i, i]);
        double jitter = 0;
        double baseJitter = Math.Max(trace / Math.Max(Size, 1), 1.0) * 1e-12;
        while (!TryFactor(matrix, jitter))
        {
            jitter = jitter == 0 ? baseJitter : jitter * 10;
            if (jitter > 1e6 * Math.Max(trace, 1)) throw new ArgumentException("Matrix is not positive semi-definite.", nameof(matrix));
        }
        JitterAdded = jitter;
    }

    private bool TryFactor(double[,] a, double jitter)
    {
        for (int i = 0; i < Size; i++)
            for (int j = 0; j <= i; j++)
                factor[i * Size + j] = a[i, j] + (i == j ? jitter : 0);
        return CholeskySolver.TryFactor(factor, Size);
    }

    /// <summary>Solves A·x = b.</summary>
    public double[] Solve(ReadOnlySpan<double> rightHandSide)
    {
        var x = rightHandSide.ToArray();
        CholeskySolver.Solve(factor, Size, x);
        return x;
    }

    /// <summary>A⁻¹ as a dense matrix.</summary>
    public double[,] Inverse()
    {
        double[] flat = CholeskySolver.Inverse(factor, Size);
        var inverse = new double[Size, Size];
        for (int i = 0; i < Size; i++)
            for (int j = 0; j < Size; j++) inverse[i, j] = flat[i * Size + j];
        return inverse;
    }
}
