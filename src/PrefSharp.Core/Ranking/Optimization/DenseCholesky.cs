namespace PrefSharp.Core.Ranking.Optimization;

/// <summary>
/// Cholesky factorisation A = L·Lᵀ of a dense symmetric positive-definite matrix, with solve and inverse.
/// Used for Newton steps (Hessians of penalised log-likelihoods) and Fisher-information covariances.
/// When A is only semi-definite a growing diagonal jitter (1e-12·trace, ×10 per retry) is added.
/// </summary>
public sealed class DenseCholesky
{
    private readonly double[,] lower;

    /// <summary>The matrix order.</summary>
    public int Size { get; }

    /// <summary>The diagonal jitter that had to be added to A (0 when A was positive definite).</summary>
    public double JitterAdded { get; }

    /// <summary>Factorises <paramref name="matrix"/> (only the lower triangle is read; it is not modified).</summary>
    public DenseCholesky(double[,] matrix)
    {
        Size = matrix.GetLength(0);
        if (matrix.GetLength(1) != Size) throw new ArgumentException("Matrix must be square.", nameof(matrix));
        lower = new double[Size, Size];
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
        int n = Size;
        for (int j = 0; j < n; j++)
        {
            double sum = a[j, j] + jitter;
            for (int k = 0; k < j; k++) sum -= lower[j, k] * lower[j, k];
            if (!(sum > 0) || double.IsNaN(sum)) return false;
            double diag = Math.Sqrt(sum);
            lower[j, j] = diag;
            for (int i = j + 1; i < n; i++)
            {
                double s = a[i, j];
                for (int k = 0; k < j; k++) s -= lower[i, k] * lower[j, k];
                lower[i, j] = s / diag;
            }
        }
        return true;
    }

    /// <summary>Solves A·x = b.</summary>
    public double[] Solve(ReadOnlySpan<double> rightHandSide)
    {
        int n = Size;
        var x = rightHandSide.ToArray();
        for (int i = 0; i < n; i++)
        {
            double s = x[i];
            for (int k = 0; k < i; k++) s -= lower[i, k] * x[k];
            x[i] = s / lower[i, i];
        }
        for (int i = n - 1; i >= 0; i--)
        {
            double s = x[i];
            for (int k = i + 1; k < n; k++) s -= lower[k, i] * x[k];
            x[i] = s / lower[i, i];
        }
        return x;
    }

    /// <summary>A⁻¹ as a dense matrix (column by column).</summary>
    public double[,] Inverse()
    {
        int n = Size;
        var inverse = new double[n, n];
        var unit = new double[n];
        for (int j = 0; j < n; j++)
        {
            Array.Clear(unit);
            unit[j] = 1;
            var column = Solve(unit);
            for (int i = 0; i < n; i++) inverse[i, j] = column[i];
        }
        return inverse;
    }
}
