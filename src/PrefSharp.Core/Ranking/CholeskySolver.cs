namespace PrefSharp.Core.Ranking;

/// <summary>
/// Dense symmetric positive-definite solves for the small systems of Newton's method (≤ a few hundred
/// parameters): in-place Cholesky factorisation A = L·Lᵀ of a row-major matrix (Golub &amp; Van Loan 2013, Alg. 4.2.1).
/// </summary>
public static class CholeskySolver
{
    /// <summary>Overwrites the lower triangle of the n×n row-major <paramref name="matrix"/> with L; false when A is not positive definite.</summary>
    public static bool TryFactor(Span<double> matrix, int n)
    {
        for (int j = 0; j < n; j++)
        {
            Span<double> rowJ = matrix.Slice(j * n, n);
            double diagonal = rowJ[j];
            for (int k = 0; k < j; k++) diagonal -= rowJ[k] * rowJ[k];
            if (!(diagonal > 0) || double.IsInfinity(diagonal)) return false;
            double pivot = Math.Sqrt(diagonal);
            rowJ[j] = pivot;
            for (int i = j + 1; i < n; i++)
            {
                Span<double> rowI = matrix.Slice(i * n, n);
                double sum = rowI[j];
                for (int k = 0; k < j; k++) sum -= rowI[k] * rowJ[k];
                rowI[j] = sum / pivot;
            }
        }
        return true;
    }

    /// <summary>Solves L·Lᵀ·x = b in place, given the factor from <see cref="TryFactor"/>.</summary>
    public static void Solve(ReadOnlySpan<double> factor, int n, Span<double> rightHandSide)
    {
        for (int i = 0; i < n; i++)
        {
            double sum = rightHandSide[i];
            ReadOnlySpan<double> row = factor.Slice(i * n, n);
            for (int k = 0; k < i; k++) sum -= row[k] * rightHandSide[k];
            rightHandSide[i] = sum / row[i];
        }
        for (int i = n - 1; i >= 0; i--)
        {
            double sum = rightHandSide[i];
            for (int k = i + 1; k < n; k++) sum -= factor[k * n + i] * rightHandSide[k];
            rightHandSide[i] = sum / factor[i * n + i];
        }
    }

    /// <summary>A⁻¹ (full, row-major) from the Cholesky factor of A.</summary>
    public static double[] Inverse(ReadOnlySpan<double> factor, int n)
    {
        var inverse = new double[n * n];
        var column = new double[n];
        for (int j = 0; j < n; j++)
        {
            Array.Clear(column);
            column[j] = 1;
            Solve(factor, n, column);
            for (int i = 0; i < n; i++) inverse[i * n + j] = column[i];
        }
        return inverse;
    }
}
