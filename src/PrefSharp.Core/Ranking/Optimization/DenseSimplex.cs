namespace PrefSharp.Core.Ranking.Optimization;

/// <summary>
/// Dense tableau simplex (Dantzig 1947) for max cᵀx s.t. A·x ≤ b, x ≥ 0 with b ≥ 0, so that the slack basis
/// is feasible. Bland's smallest-index rule (Bland 1977) prevents cycling; it suits the small games
/// (tens of items) of maximal lotteries. Returns both primal and dual optima.
/// </summary>
public static class DenseSimplex
{
    /// <summary>Solves the LP; throws when it is unbounded or b has a negative entry.</summary>
    public static LinearProgramSolution Maximize(double[,] constraints, double[] bounds, double[] objective, double tolerance = 1e-12)
    {
        int m = constraints.GetLength(0), n = constraints.GetLength(1);
        if (bounds.Length != m || objective.Length != n) throw new ArgumentException("Dimensions of A, b and c disagree.");
        if (bounds.Any(v => v < 0)) throw new ArgumentException("This simplex needs b ≥ 0 (a feasible slack basis).", nameof(bounds));
        int width = n + m + 1;
        var tableau = new double[m + 1, width];
        var basis = new int[m];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++) tableau[i, j] = constraints[i, j];
            tableau[i, n + i] = 1;
            tableau[i, width - 1] = bounds[i];
            basis[i] = n + i;
        }
        for (int j = 0; j < n; j++) tableau[m, j] = -objective[j];
        int pivots = 0;
        while (true)
        {
            int entering = -1;
            for (int j = 0; j < n + m; j++) if (tableau[m, j] < -tolerance) { entering = j; break; }
            if (entering < 0) break;
            int leaving = -1;
            double bestRatio = double.PositiveInfinity;
            for (int i = 0; i < m; i++)
            {
                double a = tableau[i, entering];
                if (a <= tolerance) continue;
                double ratio = tableau[i, width - 1] / a;
                if (ratio < bestRatio - tolerance || (Math.Abs(ratio - bestRatio) <= tolerance && basis[i] < basis[leaving]))
                { bestRatio = ratio; leaving = i; }
            }
            if (leaving < 0) throw new InvalidOperationException("The linear program is unbounded.");
            Pivot(tableau, leaving, entering);
            basis[leaving] = entering;
            if (++pivots > 50_000) throw new InvalidOperationException("Simplex did not terminate.");
        }
        var primal = new double[n];
        for (int i = 0; i < m; i++) if (basis[i] < n) primal[basis[i]] = tableau[i, width - 1];
        var dual = new double[m];
        for (int i = 0; i < m; i++) dual[i] = tableau[m, n + i];
        return new LinearProgramSolution(primal, dual, tableau[m, width - 1], pivots);
    }

    private static void Pivot(double[,] tableau, int row, int column)
    {
        int rows = tableau.GetLength(0), width = tableau.GetLength(1);
        double pivot = tableau[row, column];
        for (int j = 0; j < width; j++) tableau[row, j] /= pivot;
        for (int i = 0; i < rows; i++)
        {
            if (i == row) continue;
            double factor = tableau[i, column];
            if (factor == 0) continue;
            for (int j = 0; j < width; j++) tableau[i, j] -= factor * tableau[row, j];
        }
    }
}
