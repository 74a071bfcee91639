namespace PrefSharp.Core.Ranking;

/// <summary>
/// Maximum-likelihood (or MAP, with a Gaussian prior) fit of any <see cref="IPairwiseLikelihood"/> on aggregated
/// pair counts by Newton's method with the exact Hessian (Nocedal &amp; Wright 2006, Alg. 3.1 with backtracking),
/// a Levenberg shift when the Hessian is not negative definite, and step halving that keeps the tie parameter
/// feasible. One log-strength per component is fixed at 0 when unpenalised (the model is shift-invariant);
/// results are centred per component. Stops when the largest step is below Tolerance·max(1, max|x|) (1e-10 by default).
/// Up to <see cref="StrengthFitOptions.DenseItemLimit"/> items the step comes from a dense Cholesky factor; above it,
/// from conjugate gradients on the pair-wise Hessian (<see cref="ConjugateGradientStep"/>), in O(pairs + n) memory.
/// </summary>
public static partial class PairwiseNewtonSolver
{
    /// <summary>
    /// Fits <paramref name="model"/> to <paramref name="counts"/>. Throws <see cref="DisconnectedComparisonGraphException"/>
    /// for a disconnected graph (unless <see cref="StrengthFitOptions.AnchorEachComponent"/>) and
    /// <see cref="ArgumentException"/> when the unpenalised estimate is infinite (an item never loses or never wins).
    /// A <c>warmStart</c> (a previous fit on the same items, e.g. the full-data fit for a bootstrap resample) starts Newton near the optimum.
    /// </summary>
    public static StrengthFit Fit<TModel>(PairwiseCounts counts, TModel model, StrengthFitOptions? options = null,
        StrengthFit? warmStart = null) where TModel : struct, IPairwiseLikelihood
    {
        ArgumentNullException.ThrowIfNull(counts);
        options ??= new StrengthFitOptions();
        options.Validate();
        var graph = ComparisonGraph.Of(counts);
        if (!options.AnchorEachComponent) graph.RequireConnected(counts.Items, "battles");
        if (options.PriorPrecision == 0 && graph.DescribeInfiniteEstimates(counts) is { } problem)
            throw new ArgumentException($"{model.Name}: {problem}; set a prior (PriorPrecision > 0) or add battles.", "battles");
        return Solve(counts, model, options, graph, warmStart);
    }

    /// <summary>The fit without the data checks (bootstrap resamples are checked by their caller).</summary>
    internal static StrengthFit Solve<TModel>(PairwiseCounts counts, TModel model, StrengthFitOptions options,
        ComparisonGraph graph, StrengthFit? warmStart, NewtonWorkspace? workspace = null) where TModel : struct, IPairwiseLikelihood
    {
        int n = counts.ItemCount, dim = n + (model.HasTieParameter ? 1 : 0);
        double totalTies = 0, totalWeight = 0;
        for (int pair = 0; pair < counts.PairCount; pair++) { totalTies += counts.Ties[pair]; totalWeight += counts.TotalWeight[pair]; }
        bool tauFree = model.HasTieParameter && totalTies > 0;
        int[] free = FreeParameters(n, tauFree, options.PriorPrecision > 0, graph);
        int m = free.Length;
        bool sparse = n > options.DenseItemLimit;
        workspace ??= new NewtonWorkspace();
        workspace.Prepare(dim, m, !sparse);
        var x = workspace.X;
        if (warmStart is not null) Array.Copy(warmStart.Strengths, x, n);
        else Array.Clear(x);
        if (model.HasTieParameter)
        {
            double warmTau = warmStart?.TieParameter ?? double.NaN;
            x[n] = !tauFree ? model.NoTieParameter
                : double.IsFinite(warmTau) && model.IsFeasible(warmTau) ? warmTau
                : model.InitialTieParameter(totalTies / totalWeight);
        }
        var (value, iteration, converged) = sparse
            ? SparseNewtonIterations.Run(counts, model, options, x, free, tauFree, workspace)
            : DenseIterations(counts, model, options, x, free, tauFree, workspace);
        double[] strengths = CentrePerComponent(x.AsSpan(0, n), graph);
        double tau = model.HasTieParameter ? x[n] : double.NaN;
        return new StrengthFit(model.Name, counts.Items, strengths, tau, value, iteration, converged)
        {
            ReportedTieParameter = model.HasTieParameter ? model.ReportedTieParameter(tau) : double.NaN,
        };
    }

    /// <summary>Newton with the dense Hessian and step halving; returns the final value, the iterations and convergence.</summary>
    private static (double Value, int Iterations, bool Converged) DenseIterations<TModel>(PairwiseCounts counts, TModel model,
        StrengthFitOptions options, double[] x, int[] free, bool tauFree, NewtonWorkspace workspace) where TModel : struct, IPairwiseLikelihood
    {
        int n = counts.ItemCount, dim = x.Length, m = free.Length;
        var (gradient, hessian, system, step, trial) = (workspace.Gradient, workspace.Hessian!, workspace.System!, workspace.Step, workspace.Trial);
        double value = Accumulate(counts, model, x, options.PriorPrecision, gradient, hessian, null);
        bool converged = false;
        int iteration = 0;
        while (iteration < options.MaxIterations && !converged)
        {
            iteration++;
            SolveNewtonSystem(hessian, gradient, free, dim, system, step);
            double scale = 1, largest = 0, size = 1;
            for (int a = 0; a < m; a++) largest = Math.Max(largest, Math.Abs(step[a]));
            for (int k = 0; k < dim; k++) if (double.IsFinite(x[k])) size = Math.Max(size, Math.Abs(x[k]));
            if (largest <= options.Tolerance * size)
            {
                // Converged: take the last (tiny) step without another evaluation; ℓ changes by ~gᵀΔ, below rounding.
                for (int a = 0; a < m; a++) x[free[a]] += step[a];
                converged = true;
                break;
            }
            double trialValue = double.NaN;
            bool accepted = false;
            for (int halving = 0; halving < 60 && !accepted; halving++)
            {
                if (halving > 0) scale *= 0.5;
                Array.Copy(x, trial, dim);
                for (int a = 0; a < m; a++) trial[free[a]] += scale * step[a];
                if (tauFree && !model.IsFeasible(trial[n])) continue;
                trialValue = Accumulate(counts, model, trial, options.PriorPrecision, gradient, hessian, null);
                accepted = trialValue >= value - 1e-12 * (1 + Math.Abs(value));
            }
            if (!accepted) break; // no ascent along the Newton direction: at the optimum to machine precision, or a broken model
            Array.Copy(trial, x, dim);
            value = trialValue;
            converged = scale * largest <= options.Tolerance * size;
        }
        return (value, iteration, converged);
    }

    /// <summary>The parameters Newton moves: all but one reference item per component when unpenalised, and τ when free.</summary>
    internal static int[] FreeParameters(int n, bool tauFree, bool penalised, ComparisonGraph graph)
    {
        var free = new List<int>(n + 1);
        var referenced = new HashSet<int>();
        for (int item = 0; item < n; item++)
            if (penalised || !referenced.Add(graph.ComponentOf[item])) free.Add(item);
        if (tauFree) free.Add(n);
        return [.. free];
    }

    private static void SolveNewtonSystem(double[] hessian, double[] gradient, int[] free, int dim, double[] system, double[] step)
    {
        int m = free.Length;
        double shift = 0, largestDiagonal = 0;
        for (int a = 0; a < m; a++) largestDiagonal = Math.Max(largestDiagonal, -hessian[free[a] * dim + free[a]]);
        while (true)
        {
            for (int a = 0; a < m; a++)
            {
                for (int b = 0; b < m; b++) system[a * m + b] = -hessian[free[a] * dim + free[b]];
                system[a * m + a] += shift;
                step[a] = gradient[free[a]];
            }
            if (CholeskySolver.TryFactor(system, m)) break;
            shift = shift == 0 ? 1e-10 * (1 + largestDiagonal) : shift * 10; // Levenberg: towards a gradient step
        }
        CholeskySolver.Solve(system, m, step);
    }

    internal static double[] CentrePerComponent(ReadOnlySpan<double> strengths, ComparisonGraph graph)
    {
        var centred = strengths.ToArray();
        var sums = new double[graph.ComponentCount];
        var sizes = new int[graph.ComponentCount];
        for (int k = 0; k < centred.Length; k++) { sums[graph.ComponentOf[k]] += centred[k]; sizes[graph.ComponentOf[k]]++; }
        for (int k = 0; k < centred.Length; k++) centred[k] -= sums[graph.ComponentOf[k]] / sizes[graph.ComponentOf[k]];
        return centred;
    }
}
