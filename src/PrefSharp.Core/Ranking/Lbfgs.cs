namespace PrefSharp.Core.Ranking;

/// <summary>
/// Limited-memory BFGS minimisation (Nocedal 1980; Nocedal &amp; Wright 2006, Alg. 7.4 two-loop recursion and
/// Alg. 7.5) with a backtracking Armijo line search (c₁ = 1e-4); curvature pairs with sᵀy ≤ 0 are skipped.
/// Near the optimum, where f changes below its rounding (|Δf| ≤ 1e-13·|f|), a step that lowers ‖∇f‖∞ is also
/// accepted, so that the gradient can be driven well below √ε·|f|. Defaults: memory 10, stop when ‖∇f‖∞ ≤ 1e-9
/// (an absolute tolerance: scale f accordingly) or the step no longer changes x.
/// </summary>
public static class Lbfgs
{
    /// <summary>f(x), writing ∇f(x) into <c>gradient</c>.</summary>
    public delegate double Objective(ReadOnlySpan<double> x, Span<double> gradient);

    public static LbfgsResult Minimize(Objective objective, double[] start, int memory = 10,
        double gradientTolerance = 1e-9, int maxIterations = 10_000)
    {
        int n = start.Length;
        var x = (double[])start.Clone();
        var g = new double[n];
        var direction = new double[n];
        var trialX = new double[n];
        var trialG = new double[n];
        var sHistory = new List<double[]>();
        var yHistory = new List<double[]>();
        var rhoHistory = new List<double>();
        var alphas = new double[memory];
        double f = objective(x, g);
        for (int iteration = 1; iteration <= maxIterations; iteration++)
        {
            if (MaxAbs(g) <= gradientTolerance) return new LbfgsResult(x, f, iteration - 1, true);
            // Two-loop recursion: direction = −H·g.
            Array.Copy(g, direction, n);
            for (int k = sHistory.Count - 1; k >= 0; k--)
            {
                alphas[k] = rhoHistory[k] * Dot(sHistory[k], direction);
                Axpy(-alphas[k], yHistory[k], direction);
            }
            double gamma = sHistory.Count > 0
                ? Dot(sHistory[^1], yHistory[^1]) / Dot(yHistory[^1], yHistory[^1])
                : 1 / Math.Max(1, MaxAbs(g));
            for (int k = 0; k < n; k++) direction[k] *= gamma;
            for (int k = 0; k < sHistory.Count; k++)
            {
                double beta = rhoHistory[k] * Dot(yHistory[k], direction);
                Axpy(alphas[k] - beta, sHistory[k], direction);
            }
            for (int k = 0; k < n; k++) direction[k] = -direction[k];
            double slope = Dot(g, direction);
            if (slope >= 0) // not a descent direction: restart from steepest descent
            {
                sHistory.Clear(); yHistory.Clear(); rhoHistory.Clear();
                for (int k = 0; k < n; k++) direction[k] = -g[k] / Math.Max(1, MaxAbs(g));
                slope = Dot(g, direction);
            }
            double step = 1, trialF = double.NaN;
            bool accepted = false;
            for (int halving = 0; halving < 60 && !accepted; halving++)
            {
                if (halving > 0) step *= 0.5;
                for (int k = 0; k < n; k++) trialX[k] = x[k] + step * direction[k];
                trialF = objective(trialX, trialG);
                accepted = trialF <= f + 1e-4 * step * slope
                    || (Math.Abs(trialF - f) <= 1e-13 * Math.Max(1, Math.Abs(f)) && MaxAbs(trialG) < MaxAbs(g));
            }
            if (!accepted) // no decrease left at machine precision
                return new LbfgsResult(x, f, iteration, false);
            var s = new double[n];
            var y = new double[n];
            for (int k = 0; k < n; k++) { s[k] = trialX[k] - x[k]; y[k] = trialG[k] - g[k]; }
            double sy = Dot(s, y);
            if (sy > 1e-12 * Math.Sqrt(Dot(s, s) * Dot(y, y)))
            {
                if (sHistory.Count == memory) { sHistory.RemoveAt(0); yHistory.RemoveAt(0); rhoHistory.RemoveAt(0); }
                sHistory.Add(s); yHistory.Add(y); rhoHistory.Add(1 / sy);
            }
            Array.Copy(trialX, x, n);
            Array.Copy(trialG, g, n);
            bool stalled = trialF == f && MaxAbs(s) <= 1e-15 * Math.Max(1, MaxAbs(x));
            f = trialF;
            if (stalled) return new LbfgsResult(x, f, iteration, true);
        }
        return new LbfgsResult(x, f, maxIterations, false);
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (int k = 0; k < a.Length; k++) sum += a[k] * b[k];
        return sum;
    }

    private static void Axpy(double alpha, double[] x, double[] y)
    {
        for (int k = 0; k < x.Length; k++) y[k] += alpha * x[k];
    }

    private static double MaxAbs(double[] values)
    {
        double max = 0;
        foreach (double v in values) max = Math.Max(max, Math.Abs(v));
        return max;
    }
}
