namespace PrefSharp.Core.Ranking.Style;

/// <summary>One model's raw and length-controlled win rate against the baseline (percent), with its GLM coefficients.</summary>
/// <param name="Model">The model.</param>
/// <param name="WinRate">100 · mean preference (AlpacaEval's win_rate).</param>
/// <param name="LengthControlledWinRate">100 · mean_x σ(θ + ψ·γ_x): the GLM's prediction with the length term zeroed.</param>
/// <param name="ModelCoefficient">θ, the model term.</param>
/// <param name="LengthCoefficient">φ, the coefficient of tanh(standardised baseline − model length difference).</param>
/// <param name="DifficultyCoefficient">ψ, the coefficient of the instruction difficulty γ_x.</param>
/// <param name="Count">Annotations used.</param>
public sealed record LengthControlledResult(string Model, double WinRate, double LengthControlledWinRate,
    double ModelCoefficient, double LengthCoefficient, double DifficultyCoefficient, int Count);
