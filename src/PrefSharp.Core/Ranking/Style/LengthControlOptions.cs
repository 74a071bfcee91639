namespace PrefSharp.Core.Ranking.Style;

/// <summary>Options of <see cref="LengthControlledWinRate"/> (AlpacaEval <c>length_controlled_v1</c>).</summary>
public sealed record LengthControlOptions
{
    /// <summary>
    /// L2 penalty of each per-model GLM. Default 1e-4 (nearly unpenalised). AlpacaEval instead picks an L1 strength by
    /// 5-fold cross-validation (sklearn <c>LogisticRegressionCV</c>, liblinear); with 805 soft labels and three
    /// coefficients the choice barely matters.
    /// </summary>
    public double L2Penalty { get; init; } = 1e-4;

    /// <summary>
    /// Strength κ of a Gaussian prior (κ/2)·[(φ − φ₀)² + (ψ − ψ₀)²] that shrinks each model's length and difficulty
    /// coefficients towards <see cref="LengthCoefficientPrior"/> and <see cref="DifficultyCoefficientPrior"/>: a stand-in for
    /// AlpacaEval's weight-0.1 annotations of the baseline's own verbose/concise variants, which share φ and ψ with the model
    /// (those annotations are not in the data). Default 15, about the Fisher information that the 2 × 805 gamed rows at
    /// weight 0.1 carry about φ; 0 turns the prior off.
    /// </summary>
    public double PriorStrength { get; init; } = 15;

    /// <summary>φ₀, the prior centre of the length coefficient. Default −1.6 (AlpacaEval's fitted φ for gpt4_1106_preview_verbose/concise).</summary>
    public double LengthCoefficientPrior { get; init; } = -1.6;

    /// <summary>ψ₀, the prior centre of the difficulty coefficient. Default 1.</summary>
    public double DifficultyCoefficientPrior { get; init; } = 1.0;

    /// <summary>L2 penalty of the joint instruction-difficulty fit (<see cref="InstructionDifficulty"/>). Default 1e-3.</summary>
    public double DifficultyL2Penalty { get; init; } = 1e-3;

    /// <summary>Models left out of the instruction-difficulty fit (e.g. the baseline against itself, adversarial entries).</summary>
    public IReadOnlyList<string> ExcludeFromDifficulty { get; init; } = [];
}
