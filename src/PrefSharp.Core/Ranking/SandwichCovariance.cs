namespace PrefSharp.Core.Ranking;

/// <summary>
/// The robust (sandwich, Huber 1967; White 1982, Thm. 3.2) covariance of a pairwise maximum-likelihood estimate:
/// Σ = A⁻¹·B·A⁻¹ with A = −∇²ℓ(θ̂) (the observed information, prior included) and B = Σ_battles w²·g·gᵀ the sum of
/// outer products of per-battle scores g = ∇ log P(outcome), computed from the aggregated cells. Chatbot Arena uses
/// it for its style-controlled intervals. With robust = false it returns the model-based A⁻¹.
/// The tie parameter is estimated jointly; the returned block is the marginal covariance of β.
/// </summary>
public static class SandwichCovariance
{
    public static RatingCovariance Compute<TModel>(PairwiseCounts counts, TModel model, StrengthFit fit,
        StrengthFitOptions? options = null, bool robust = true) where TModel : struct, IPairwiseLikelihood
    {
        options ??= new StrengthFitOptions();
        int n = counts.ItemCount, dim = n + (model.HasTieParameter ? 1 : 0);
        var x = new double[dim];
        Array.Copy(fit.Strengths, x, n);
        double tau = model.HasTieParameter ? fit.TieParameter : 0;
        if (model.HasTieParameter) x[n] = tau;
        double totalTies = 0;
        for (int pair = 0; pair < counts.PairCount; pair++) totalTies += counts.Ties[pair];
        var graph = ComparisonGraph.Of(counts);
        int[] free = PairwiseNewtonSolver.FreeParameters(n, model.HasTieParameter && totalTies > 0, options.PriorPrecision > 0, graph);
        int m = free.Length;
        var hessian = new double[dim * dim];
        PairwiseNewtonSolver.LogLikelihood(counts, model, x, options.PriorPrecision, null, hessian);
        var information = new double[m * m];
        for (int a = 0; a < m; a++)
            for (int b = 0; b < m; b++) information[a * m + b] = -hessian[free[a] * dim + free[b]];
        if (!CholeskySolver.TryFactor(information, m))
            throw new InvalidOperationException("The observed information is singular: the estimate is not identified.");
        double[] inverse = CholeskySolver.Inverse(information, m);
        double[] freeCovariance = robust ? Sandwich(inverse, Meat(counts, model, x, tau, free, dim), m) : inverse;
        var covariance = new double[n * n];
        for (int a = 0; a < m; a++)
            for (int b = 0; b < m; b++)
                if (free[a] < n && free[b] < n) covariance[free[a] * n + free[b]] = freeCovariance[a * m + b];
        return new RatingCovariance(n, covariance);
    }

    /// <summary>B = Σ_cells count·w²·g·gᵀ over the free parameters.</summary>
    private static double[] Meat<TModel>(PairwiseCounts counts, TModel model, double[] x, double tau, int[] free, int dim)
        where TModel : struct, IPairwiseLikelihood
    {
        var position = new int[dim];
        Array.Fill(position, -1);
        for (int a = 0; a < free.Length; a++) position[free[a]] = a;
        int m = free.Length, n = counts.ItemCount;
        var meat = new double[m * m];
        Span<int> index = stackalloc int[3];
        Span<double> score = stackalloc double[3];
        for (int cell = 0; cell < counts.CellPair.Length; cell++)
        {
            int count = counts.CellCount[cell];
            if (count == 0) continue;
            int pair = counts.CellPair[cell], i = counts.First[pair], j = counts.Second[pair];
            var (gd, gt) = model.BattleScore(x[i] - x[j], tau, counts.CellOutcome[cell], counts.CellFirstScore[cell]);
            double w = counts.CellWeight[cell];
            index[0] = position[i]; score[0] = w * gd;
            index[1] = position[j]; score[1] = -w * gd;
            index[2] = dim > n ? position[n] : -1; score[2] = w * gt;
            for (int p = 0; p < 3; p++)
                for (int q = 0; q < 3; q++)
                    if (index[p] >= 0 && index[q] >= 0) meat[index[p] * m + index[q]] += count * score[p] * score[q];
        }
        return meat;
    }

    private static double[] Sandwich(double[] bread, double[] meat, int m)
    {
        var temporary = new double[m * m];
        var result = new double[m * m];
        for (int i = 0; i < m; i++)
            for (int k = 0; k < m; k++)
            {
                double a = bread[i * m + k];
                if (a == 0) continue;
                for (int j = 0; j < m; j++) temporary[i * m + j] += a * meat[k * m + j];
            }
        for (int i = 0; i < m; i++)
            for (int k = 0; k < m; k++)
            {
                double a = temporary[i * m + k];
                if (a == 0) continue;
                for (int j = 0; j < m; j++) result[i * m + j] += a * bread[k * m + j];
            }
        return result;
    }
}
