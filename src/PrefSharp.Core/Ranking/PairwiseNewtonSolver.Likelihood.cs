namespace PrefSharp.Core.Ranking;

public static partial class PairwiseNewtonSolver
{
    /// <summary>
    /// The (penalised) log-likelihood at parameters x = (β₁…β_n[, τ]); fills the gradient and the row-major Hessian
    /// (dimension n, or n + 1 with a tie parameter) when they are given.
    /// </summary>
    public static double LogLikelihood<TModel>(PairwiseCounts counts, TModel model, ReadOnlySpan<double> x,
        double priorPrecision, double[]? gradient = null, double[]? hessian = null) where TModel : struct, IPairwiseLikelihood =>
        Accumulate(counts, model, x, priorPrecision, gradient, hessian, null);

    /// <summary><see cref="LogLikelihood"/>, with the Hessian kept dense, by pair (<paramref name="curvature"/>), or not at all.</summary>
    internal static double Accumulate<TModel>(PairwiseCounts counts, TModel model, ReadOnlySpan<double> x,
        double priorPrecision, double[]? gradient, double[]? hessian, SparseCurvature? curvature) where TModel : struct, IPairwiseLikelihood
    {
        curvature?.Clear();
        int n = counts.ItemCount, dim = n + (model.HasTieParameter ? 1 : 0), t = n;
        if (gradient is not null) Array.Clear(gradient, 0, dim);
        if (hessian is not null) Array.Clear(hessian, 0, dim * dim);
        double tau = model.HasTieParameter ? x[n] : 0, value = 0;
        for (int pair = 0; pair < counts.PairCount; pair++)
        {
            if (counts.TotalWeight[pair] == 0) continue; // a pair a bootstrap resample left empty adds exact zeros
            int i = counts.First[pair], j = counts.Second[pair];
            value += model.Evaluate(x[i] - x[j], tau, counts, pair, out PairDerivatives der);
            if (gradient is not null)
            {
                gradient[i] += der.D;
                gradient[j] -= der.D;
                if (model.HasTieParameter) gradient[t] += der.Tau;
            }
            if (curvature is not null)
            {
                curvature.DD[pair] = der.DD;
                if (model.HasTieParameter) curvature.DTau[pair] = der.DTau;
                curvature.TauTau += der.TauTau;
            }
            if (hessian is null) continue;
            hessian[i * dim + i] += der.DD;
            hessian[j * dim + j] += der.DD;
            hessian[i * dim + j] -= der.DD;
            hessian[j * dim + i] -= der.DD;
            if (!model.HasTieParameter) continue;
            hessian[i * dim + t] += der.DTau; hessian[t * dim + i] += der.DTau;
            hessian[j * dim + t] -= der.DTau; hessian[t * dim + j] -= der.DTau;
            hessian[t * dim + t] += der.TauTau;
        }
        if (priorPrecision > 0)
        {
            for (int k = 0; k < n; k++)
            {
                value -= 0.5 * priorPrecision * x[k] * x[k];
                if (gradient is not null) gradient[k] -= priorPrecision * x[k];
                if (hessian is not null) hessian[k * dim + k] -= priorPrecision;
            }
        }
        return value;
    }
}
