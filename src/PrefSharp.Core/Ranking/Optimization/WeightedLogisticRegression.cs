namespace PrefSharp.Core.Ranking.Optimization;

/// <summary>
/// Weighted, L2-penalised logistic regression with soft labels, fitted by Newton's method (IRLS) with step halving.
/// Minimises Σᵢ wᵢ·CE(yᵢ, σ(zᵢ)) + (λ/2)·Σ_k s_k (β_k − c_k)², zᵢ = offsetᵢ + xᵢᵀβ (McCullagh and Nelder 1989, §4.4).
/// It fits the logistic models with covariates: style control (item-indicator differences x = e_a − e_b plus
/// style columns) and AlpacaEval's length-controlled GLM (a three-column instance). Plain Bradley–Terry fits go
/// through <see cref="PairwiseNewtonSolver"/> on aggregated counts (<see cref="BradleyTerry.FitIndexed"/>).
/// Rows are sparse; the Hessian is dense (p × p), so it suits up to a few thousand coefficients.
/// </summary>
public static class WeightedLogisticRegression
{
    /// <summary>Fits β. <paramref name="initial"/> (length <paramref name="featureCount"/>) warm-starts Newton; zeros otherwise.</summary>
    public static LogisticRegressionFit Fit(int featureCount, IReadOnlyList<LogisticObservation> data,
        LogisticRegressionOptions? options = null, double[]? initial = null)
    {
        options ??= new LogisticRegressionOptions();
        var beta = initial is null ? new double[featureCount] : (double[])initial.Clone();
        if (beta.Length != featureCount) throw new ArgumentException("initial has the wrong length.", nameof(initial));
        double totalWeight = 0;
        foreach (var row in data) totalWeight += row.Weight;
        double tolerance = options.GradientTolerance * Math.Max(totalWeight, 1.0);
        double objective = Objective(beta, data, options, out double logLikelihood);
        int iteration = 0;
        bool converged = false;
        var gradient = new double[featureCount];
        var hessian = new double[featureCount, featureCount];
        for (; iteration < options.MaxIterations; iteration++)
        {
            GradientAndHessian(beta, data, options, gradient, hessian);
            double largest = 0;
            foreach (var g in gradient) largest = Math.Max(largest, Math.Abs(g));
            if (largest < tolerance) { converged = true; break; }
            var step = new DenseCholesky(hessian).Solve(gradient);
            double stepLength = 1.0;
            var candidate = new double[featureCount];
            double candidateObjective = double.PositiveInfinity, candidateLogLikelihood = 0;
            for (int halving = 0; halving < 40; halving++)
            {
                for (int k = 0; k < featureCount; k++) candidate[k] = beta[k] - stepLength * step[k];
                candidateObjective = Objective(candidate, data, options, out candidateLogLikelihood);
                if (candidateObjective <= objective + 1e-12 * Math.Abs(objective)) break;
                stepLength *= 0.5;
            }
            if (!(candidateObjective <= objective + 1e-12 * Math.Abs(objective))) { converged = largest < 1e3 * tolerance; break; }
            bool stalled = objective - candidateObjective < 1e-15 * Math.Max(1, Math.Abs(objective));
            beta = candidate;
            objective = candidateObjective;
            logLikelihood = candidateLogLikelihood;
            if (stalled) { converged = true; iteration++; break; }
        }
        return new LogisticRegressionFit(beta, logLikelihood, objective, iteration, converged);
    }

    /// <summary>The penalised objective at β; <paramref name="logLikelihood"/> receives the unpenalised weighted log-likelihood.</summary>
    public static double Objective(ReadOnlySpan<double> beta, IReadOnlyList<LogisticObservation> data,
        LogisticRegressionOptions options, out double logLikelihood)
    {
        logLikelihood = 0;
        foreach (var row in data)
            if (row.Weight != 0) logLikelihood += row.Weight * LogisticFunctions.SoftLogLikelihood(row.Target, row.Logit(beta));
        double penalty = 0;
        if (options.L2Penalty > 0)
            for (int k = 0; k < beta.Length; k++)
            {
                double centred = beta[k] - (options.PenaltyCenter?[k] ?? 0.0);
                penalty += (options.PenaltyScale?[k] ?? 1.0) * centred * centred;
            }
        return -logLikelihood + 0.5 * options.L2Penalty * penalty;
    }

    /// <summary>
    /// Observed (= expected, for the logistic link) information Σᵢ wᵢ σ(zᵢ)(1 − σ(zᵢ)) xᵢxᵢᵀ + λ·diag(s) at β:
    /// the Hessian of the penalised objective, whose inverse is the usual asymptotic covariance of β.
    /// </summary>
    public static double[,] Information(ReadOnlySpan<double> beta, IReadOnlyList<LogisticObservation> data, LogisticRegressionOptions options)
    {
        var gradient = new double[beta.Length];
        var hessian = new double[beta.Length, beta.Length];
        GradientAndHessian(beta, data, options, gradient, hessian);
        return hessian;
    }

    private static void GradientAndHessian(ReadOnlySpan<double> beta, IReadOnlyList<LogisticObservation> data,
        LogisticRegressionOptions options, double[] gradient, double[,] hessian)
    {
        int p = beta.Length;
        Array.Clear(gradient);
        Array.Clear(hessian);
        foreach (var row in data)
        {
            if (row.Weight == 0) continue;
            double prob = LogisticFunctions.Sigmoid(row.Logit(beta));
            double residual = row.Weight * (prob - row.Target);
            double curvature = row.Weight * prob * (1 - prob);
            var idx = row.FeatureIndices;
            var val = row.FeatureValues;
            for (int a = 0; a < idx.Length; a++)
            {
                gradient[idx[a]] += residual * val[a];
                double ca = curvature * val[a];
                for (int b = 0; b < idx.Length; b++) hessian[idx[a], idx[b]] += ca * val[b];
            }
        }
        for (int k = 0; k < p; k++)
        {
            double scale = options.L2Penalty * (options.PenaltyScale?[k] ?? 1.0);
            gradient[k] += scale * (beta[k] - (options.PenaltyCenter?[k] ?? 0.0));
            hessian[k, k] += scale;
        }
    }
}
