namespace PrefSharp.Core.Ranking;

/// <summary>
/// The iterations of <see cref="PairwiseNewtonSolver"/> above <see cref="StrengthFitOptions.DenseItemLimit"/> items:
/// a truncated Newton method (Dembo, Eisenstat &amp; Steihaug 1982; Nocedal &amp; Wright 2006, Alg. 7.1 with the
/// forcing term η = min(½, √‖g‖) of Thm. 7.2) whose step (−H + μ·I)·s = g comes from conjugate gradients on the
/// pair-wise Hessian (<see cref="ConjugateGradientStep"/>), damped by Levenberg's μ (Levenberg 1944; Moré 1978) that
/// follows the ratio ρ of the actual to the predicted gain as a trust region does (Nocedal &amp; Wright 2006, Alg. 4.1:
/// ρ &lt; ¼ raises μ fourfold, ρ &gt; ¾ lowers it tenfold, to 0 below 10⁻⁶ of the mean curvature). Undamped Newton overshoots on items whose battles are all
/// won or all lost (the flat tail of the likelihood, curvature near the prior's), and a line search then halves
/// every item's step for them; μ shortens exactly those steps. Convergence is declared only on an undamped step
/// below Tolerance·max(1, max|x|), the dense path's test, so both paths reach the same optimum.
/// </summary>
internal static class SparseNewtonIterations
{
    /// <summary>μ starts at this fraction of the mean diagonal of −H (and never rises from below it).</summary>
    private const double InitialDamping = 0.1;

    public static (double Value, int Iterations, bool Converged) Run<TModel>(PairwiseCounts counts, TModel model,
        StrengthFitOptions options, double[] x, int[] free, bool tauFree, NewtonWorkspace workspace) where TModel : struct, IPairwiseLikelihood
    {
        int n = counts.ItemCount, dim = x.Length, m = free.Length;
        var curvature = workspace.Curvature(counts, model.HasTieParameter, options.PriorPrecision);
        var conjugateGradient = workspace.ConjugateGradient(dim);
        var (gradient, step, trial) = (workspace.Gradient, workspace.Step, workspace.Trial);
        double value = PairwiseNewtonSolver.Accumulate(counts, model, x, options.PriorPrecision, gradient, null, curvature);
        double scale = conjugateGradient.MeanDiagonal(curvature, free), damping = InitialDamping * scale;
        int iteration = 0;
        while (iteration < options.MaxIterations)
        {
            iteration++;
            double gradientNorm = 0;
            foreach (int k in free) gradientNorm += gradient[k] * gradient[k];
            double forcing = Math.Clamp(Math.Sqrt(Math.Sqrt(gradientNorm)), ConjugateGradientStep.RelativeResidual, 0.5);
            double predicted = conjugateGradient.Solve(curvature, gradient, free, step, damping, forcing);
            double largest = 0, size = 1;
            for (int a = 0; a < m; a++) largest = Math.Max(largest, Math.Abs(step[a]));
            for (int k = 0; k < dim; k++) if (double.IsFinite(x[k])) size = Math.Max(size, Math.Abs(x[k]));
            if (largest <= options.Tolerance * size)
            {
                if (damping > 0) { damping = 0; continue; } // a short damped step says nothing: check with Newton's own
                for (int a = 0; a < m; a++) x[free[a]] += step[a];
                return (value, iteration, true);
            }
            Array.Copy(x, trial, dim);
            for (int a = 0; a < m; a++) trial[free[a]] += step[a];
            double trialValue = tauFree && !model.IsFeasible(trial[n]) ? double.NegativeInfinity
                : PairwiseNewtonSolver.Accumulate(counts, model, trial, options.PriorPrecision, gradient, null, curvature);
            double gain = trialValue - value, slack = 1e-12 * (1 + Math.Abs(value));
            double ratio = predicted > slack ? gain / predicted : gain >= -slack ? 1 : -1;
            double floor = InitialDamping * scale;
            if (ratio < 0.25) damping = Math.Max(4 * damping, floor);
            else if (ratio > 0.75) damping = damping / 10 < 1e-6 * scale ? 0 : damping / 10;
            if (ratio > 1e-4)
            {
                Array.Copy(trial, x, dim);
                value = trialValue;
                continue;
            }
            if (damping > 1e12 * floor) break; // no ascent even along a tiny gradient step: at the optimum to machine precision
            value = PairwiseNewtonSolver.Accumulate(counts, model, x, options.PriorPrecision, gradient, null, curvature);
        }
        return (value, iteration, false);
    }
}
