namespace PrefSharp.Core.Ranking;

/// <summary>
/// Plackett–Luce maximum likelihood for full and partial rankings and top-1 choices (Luce 1959; Plackett 1975):
/// P(ranking) = Π_s γ_{o_s} / Σ_{k∈R_s} γ_k, fitted either by Hunter's (2004, §5) MM algorithm,
/// γ_t ← w_t / Σ_obs Σ_s [t ∈ R_s] / Σ_{k∈R_s} γ_k  (w_t = weighted stages won by t), or by L-BFGS on
/// ℓ(β = log γ). Strengths are natural logs, centred per component (choix's convention).
/// Throws for a disconnected graph (unless AnchorEachComponent) or an infinite MLE (Hunter's Assumption 1).
/// </summary>
public static class PlackettLuce
{
    public static StrengthFit Fit(ChoiceData data, PlackettLuceMethod method = PlackettLuceMethod.MinorizationMaximization,
        StrengthFitOptions? options = null, StrengthFit? warmStart = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new StrengthFitOptions();
        options.Validate();
        if (data.Count == 0) throw new ArgumentException("No rankings: at least one is required.", nameof(data));
        var graph = ChoiceGraph.Components(data);
        if (!options.AnchorEachComponent) graph.RequireConnected(data.Items, nameof(data));
        if (options.PriorPrecision == 0 && ChoiceGraph.DescribeInfiniteEstimates(data, graph) is { } problem)
            throw new ArgumentException($"plackett-luce: {problem}; set a prior (PriorPrecision > 0, L-BFGS) or add rankings.", nameof(data));
        return method switch
        {
            PlackettLuceMethod.MinorizationMaximization => FitByMinorizationMaximization(data, options, graph, warmStart),
            PlackettLuceMethod.Lbfgs => FitByLbfgs(data, options, graph, warmStart),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown method."),
        };
    }

    /// <summary>
    /// Hunter (2004, §5) MM. MM converges linearly, so it may use up to 100·MaxIterations sweeps; it stops when
    /// the largest change of log γ is below Tolerance·max(1, max|β|). A prior is not supported here (use L-BFGS).
    /// </summary>
    internal static StrengthFit FitByMinorizationMaximization(ChoiceData data, StrengthFitOptions options, ComparisonGraph graph, StrengthFit? warmStart)
    {
        if (options.PriorPrecision > 0)
            throw new ArgumentException("PriorPrecision is not supported by the MM method; use PlackettLuceMethod.Lbfgs.", nameof(options.PriorPrecision));
        int n = data.Items.Count;
        double[] strengths = warmStart is null ? new double[n] : (double[])warmStart.Strengths.Clone();
        var wins = new double[n];
        for (int obs = 0; obs < data.Count; obs++)
            for (int s = 0; s < data.Stages[obs]; s++) wins[data.Sets[obs][s]] += data.Weights[obs];
        var denominators = new double[n];
        var gammas = new double[n];
        var suffixSums = new double[data.Sets.Max(set => set.Length)];
        int maxSweeps = 100 * options.MaxIterations, sweep = 0;
        bool converged = false;
        while (sweep < maxSweeps && !converged)
        {
            sweep++;
            for (int k = 0; k < n; k++) gammas[k] = Math.Exp(strengths[k]);
            Array.Clear(denominators);
            for (int obs = 0; obs < data.Count; obs++)
            {
                int[] set = data.Sets[obs];
                double weight = data.Weights[obs], suffix = 0, inverseSuffixSum = 0;
                for (int k = set.Length - 1; k >= 0; k--) suffixSums[k] = suffix += gammas[set[k]];
                for (int k = 0; k < set.Length; k++)
                {
                    if (k < data.Stages[obs]) inverseSuffixSum += 1 / suffixSums[k];
                    denominators[set[k]] += weight * inverseSuffixSum;
                }
            }
            var updated = new double[n];
            for (int k = 0; k < n; k++) updated[k] = denominators[k] > 0 ? Math.Log(wins[k] / denominators[k]) : strengths[k];
            updated = PairwiseNewtonSolver.CentrePerComponent(updated, graph);
            double change = 0, size = 1;
            for (int k = 0; k < n; k++) { change = Math.Max(change, Math.Abs(updated[k] - strengths[k])); size = Math.Max(size, Math.Abs(updated[k])); }
            strengths = updated;
            converged = change <= options.Tolerance * size;
        }
        double logLikelihood = PlackettLuceLikelihood.Evaluate(data, strengths, []);
        return new StrengthFit("plackett-luce", data.Items, strengths, double.NaN, logLikelihood, sweep, converged);
    }

    /// <summary>L-BFGS on −ℓ(β) (with the Gaussian prior when λ &gt; 0); gradient tolerance Tolerance·10 absolute.</summary>
    internal static StrengthFit FitByLbfgs(ChoiceData data, StrengthFitOptions options, ComparisonGraph graph, StrengthFit? warmStart)
    {
        int n = data.Items.Count;
        double[] start = warmStart is null ? new double[n] : (double[])warmStart.Strengths.Clone();
        LbfgsResult result = Lbfgs.Minimize((x, gradient) =>
        {
            double value = -PlackettLuceLikelihood.Evaluate(data, x, gradient, options.PriorPrecision);
            for (int k = 0; k < gradient.Length; k++) gradient[k] = -gradient[k];
            return value;
        }, start, gradientTolerance: 10 * options.Tolerance, maxIterations: 100 * options.MaxIterations);
        double[] strengths = PairwiseNewtonSolver.CentrePerComponent(result.X, graph);
        return new StrengthFit("plackett-luce", data.Items, strengths, double.NaN, -result.Value, result.Iterations, result.Converged);
    }
}
