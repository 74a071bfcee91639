namespace PrefSharp.Core.Ranking;

/// <summary>
/// Dense symmetric positive-definite solves for the small systems of Newton's method (≤ a few hundred
/// parameters): in-place Cholesky factorisation A = L·Lᵀ of a row-major matrix (Golub &amp; Van Loan 2013, §4.2).
/// </summary>
public static class CholeskySolver
{
    /// <summary>Overwrites the lower triangle of the n×n row-major <paramref name="matrix"/> with L; false when A is not positive definite.</summary>
    public static bool TryFactor(Span<double> matrix, int n)
    {
        for (int j = 0; j < n; j++)
        {
            int rowJ = j * n;
            double diagonal = matrix[rowJ + j];
            for (int k = 0; k < j; k++) diagonal -= matrix[rowJ + k] * matrix[rowJ + k];
            if (!(diagonal > 0) || double.IsInfinity(diagonal)) return false;
            double pivot = Math.Sqrt(diagonal);
            matrix[rowJ + j] = pivot;
            ReadOnlySpan<double> factorRowJ = matrix.Slice(rowJ, j);
            for (int i = j + 1; i < n; i++)
            {
                int rowI = i * n;
                double sum = matrix[rowI + j] - Dot(matrix.Slice(rowI, j), factorRowJ);
                matrix[rowI + j] = sum / pivot;
            }
        }
        return true;
    }

    /// <summary>aᵀb with System.Numerics.Vector (SIMD where available).</summary>
    internal static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int width = System.Numerics.Vector<double>.Count, k = 0;
        var accumulator = System.Numerics.Vector<double>.Zero;
        for (; k + width <= a.Length; k += width)
            accumulator += new System.Numerics.Vector<double>(a.Slice(k, width)) * new System.Numerics.Vector<double>(b.Slice(k, width));
        double sum = System.Numerics.Vector.Sum(accumulator);
        for (; k < a.Length; k++) sum += a[k] * b[k];
        return sum;
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
