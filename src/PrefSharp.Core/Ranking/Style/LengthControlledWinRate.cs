using PrefSharp.Core.Ranking.Optimization;

namespace PrefSharp.Core.Ranking.Style;

/// <summary>
/// Length-controlled win rate (Dubois et al. 2024, "Length-Controlled AlpacaEval: A Simple Way to Debias Automatic
/// Evaluators", Eq. 3; AlpacaEval <c>glm_winrate.py</c>, GLM <c>length_controlled_v1</c>). Per model, a logistic GLM
/// with no intercept: logit P(model ≻ baseline | x) = θ + φ·tanh(δ / sd(δ)) + ψ·γ_x, where δ = len(baseline) − len(model)
/// (AlpacaEval's <c>std_delta_len</c>, scaled by its sample standard deviation over the model's annotations, not centred)
/// and γ_x is the instruction difficulty. LC win rate = 100 · mean_x σ(θ + ψ·γ_x), the prediction with δ = 0.
/// Departures: AlpacaEval chooses an L1 penalty by 5-fold CV and adds the baseline's "gamed" verbose/concise
/// annotations with weight 0.1 to regularise φ and ψ, and reads a precomputed γ_x; here a fixed weak L2 penalty,
/// a Gaussian prior on (φ, ψ) in place of the gamed rows (<see cref="LengthControlOptions.PriorStrength"/>), and γ_x
/// estimated from the data (<see cref="InstructionDifficulty"/>). On AlpacaEval 2 this reproduces the published LC win
/// rates to about 1.6 points on average, slightly low (see docs/papers-ranking-b.md).
/// </summary>
public static class LengthControlledWinRate
{
    /// <summary>
    /// LC win rates of every model in <paramref name="annotations"/>; <paramref name="difficulty"/> defaults to
    /// <see cref="InstructionDifficulty.FromMeanPreference"/> on the same annotations. A model whose outputs equal the baseline's
    /// (all lengths equal, all preferences ½) gets 50.
    /// </summary>
    public static IReadOnlyList<LengthControlledResult> Compute(IReadOnlyList<LengthControlledAnnotation> annotations,
        IReadOnlyDictionary<string, double>? difficulty = null, LengthControlOptions? options = null)
    {
        options ??= new LengthControlOptions();
        difficulty ??= InstructionDifficulty.FromMeanPreference(annotations, options);
        return annotations.GroupBy(a => a.Model, StringComparer.Ordinal)
            .Select(g => ForModel(g.Key, g.ToList(), difficulty, options))
            .OrderByDescending(r => r.LengthControlledWinRate).ToList();
    }

    /// <summary>The LC win rate of one model from its annotations against the baseline.</summary>
    public static LengthControlledResult ForModel(string model, IReadOnlyList<LengthControlledAnnotation> rows,
        IReadOnlyDictionary<string, double> difficulty, LengthControlOptions? options = null)
    {
        options ??= new LengthControlOptions();
        int n = rows.Count;
        double winRate = 100 * rows.Average(r => r.Preference);
        var delta = rows.Select(r => r.BaselineLength - r.ModelLength).ToArray();
        double deltaMean = delta.Average();
        double deltaSd = n > 1 ? Math.Sqrt(delta.Sum(d => (d - deltaMean) * (d - deltaMean)) / (n - 1)) : 0;
        if (deltaSd == 0 && rows.All(r => r.Preference == 0.5))
            return new LengthControlledResult(model, winRate, 50, 0, 0, 0, n);
        var gamma = rows.Select(r => difficulty.TryGetValue(r.Instruction, out double g) ? g
            : throw new ArgumentException($"instruction '{r.Instruction}' has no difficulty estimate.")).ToArray();
        var data = new List<LogisticObservation>(n);
        for (int i = 0; i < n; i++)
        {
            double lengthTerm = deltaSd > 0 ? Math.Tanh(delta[i] / deltaSd) : 0;
            data.Add(new LogisticObservation([0, 1, 2], [lengthTerm, gamma[i], 1.0], Math.Clamp(rows[i].Preference, 0, 1)));
        }
        var fit = WeightedLogisticRegression.Fit(3, data, Penalty(options));
        double phi = fit.Coefficients[0], psi = fit.Coefficients[1], theta = fit.Coefficients[2];
        double lc = 100 * gamma.Average(g => LogisticFunctions.Sigmoid(theta + psi * g));
        return new LengthControlledResult(model, winRate, lc, theta, phi, psi, n);
    }

    /// <summary>Weak ridge on θ; on φ and ψ the ridge plus the optional prior, folded into one centred penalty.</summary>
    private static LogisticRegressionOptions Penalty(LengthControlOptions options)
    {
        double ridge = options.L2Penalty, prior = options.PriorStrength;
        double total = ridge + prior;
        if (total <= 0) return new LogisticRegressionOptions();
        // ridge·β² + prior·(β − c)² = total·(β − prior·c/total)² + const
        return new LogisticRegressionOptions
        {
            L2Penalty = total,
            PenaltyScale = [1, 1, ridge / total],
            PenaltyCenter = [prior * options.LengthCoefficientPrior / total, prior * options.DifficultyCoefficientPrior / total, 0],
        };
    }
}
