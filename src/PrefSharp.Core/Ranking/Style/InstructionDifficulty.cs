using PrefSharp.Core.Ranking.Optimization;

namespace PrefSharp.Core.Ranking.Style;

/// <summary>
/// Instruction difficulty γ_x of Length-Controlled AlpacaEval (Dubois et al. 2024, Eq. 2–3): a per-instruction
/// term shared by all models. AlpacaEval ships it precomputed (<c>instruction_difficulty.csv</c>); here it is
/// estimated from the annotations themselves by the joint logistic model logit P(m beats baseline on x) = θ_m + γ_x
/// (soft labels, L2 penalty λ for the θ/γ gauge), then centred to mean 0. Only the pattern of γ matters: a shift or
/// scale is absorbed by each model's θ and ψ. <see cref="FromMeanPreference"/> is the AlpacaEval authors' own fallback
/// (logit of the mean preference per instruction over all models, from their analysis notebook helpers); it matches the
/// published LC win rates better on the AlpacaEval 2 data and is the default of <see cref="LengthControlledWinRate"/>.
/// </summary>
public static class InstructionDifficulty
{
    /// <summary>γ_x = logit(mean preference over models on x), clamped to [1e-4, 1 − 1e-4] before the logit.</summary>
    public static IReadOnlyDictionary<string, double> FromMeanPreference(IReadOnlyList<LengthControlledAnnotation> annotations,
        LengthControlOptions? options = null)
    {
        options ??= new LengthControlOptions();
        var excluded = new HashSet<string>(options.ExcludeFromDifficulty, StringComparer.Ordinal);
        return annotations.Where(a => !excluded.Contains(a.Model)).GroupBy(a => a.Instruction, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g =>
            {
                double mean = Math.Clamp(g.Average(a => a.Preference), 1e-4, 1 - 1e-4);
                return Math.Log(mean / (1 - mean));
            }, StringComparer.Ordinal);
    }

    /// <summary>γ_x per instruction id from the joint model θ_m + γ_x.</summary>
    public static IReadOnlyDictionary<string, double> Estimate(IReadOnlyList<LengthControlledAnnotation> annotations,
        LengthControlOptions? options = null)
    {
        options ??= new LengthControlOptions();
        var excluded = new HashSet<string>(options.ExcludeFromDifficulty, StringComparer.Ordinal);
        var models = new Dictionary<string, int>(StringComparer.Ordinal);
        var instructions = new Dictionary<string, int>(StringComparer.Ordinal);
        var used = annotations.Where(a => !excluded.Contains(a.Model)).ToList();
        foreach (var a in used)
        {
            models.TryAdd(a.Model, models.Count);
            instructions.TryAdd(a.Instruction, instructions.Count);
        }
        int m = models.Count;
        var rows = used.Select(a => new LogisticObservation([models[a.Model], m + instructions[a.Instruction]], [1.0, 1.0],
            Math.Clamp(a.Preference, 0, 1))).ToList();
        var fit = WeightedLogisticRegression.Fit(m + instructions.Count, rows, new LogisticRegressionOptions { L2Penalty = options.DifficultyL2Penalty });
        double mean = 0;
        for (int x = 0; x < instructions.Count; x++) mean += fit.Coefficients[m + x];
        mean /= Math.Max(instructions.Count, 1);
        return instructions.ToDictionary(kv => kv.Key, kv => fit.Coefficients[m + kv.Value] - mean, StringComparer.Ordinal);
    }
}
