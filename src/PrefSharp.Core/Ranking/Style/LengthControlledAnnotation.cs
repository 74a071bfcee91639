using PrefSharp.Core.Data;

namespace PrefSharp.Core.Ranking.Style;

/// <summary>
/// One AlpacaEval-style judgement of a model's output against the baseline's on one instruction.
/// </summary>
/// <param name="Instruction">Instruction identifier (AlpacaEval's <c>index</c>).</param>
/// <param name="Model">The evaluated model (AlpacaEval's <c>generator_2</c>).</param>
/// <param name="Preference">Probability-like judgement in [0, 1] that the model's output is better (AlpacaEval's preference − 1; a draw is 0.5).</param>
/// <param name="ModelLength">Length of the model's output (characters in AlpacaEval).</param>
/// <param name="BaselineLength">Length of the baseline's output.</param>
public sealed record LengthControlledAnnotation(string Instruction, string Model, double Preference, double ModelLength, double BaselineLength)
{
    /// <summary>
    /// From a battle with the baseline as A and the model as B (Preference = 1 − ScoreA), the instruction from
    /// QuestionId and lengths from StyleA/StyleB["length"].
    /// </summary>
    public static LengthControlledAnnotation FromBattle(Battle battle, int row = 0)
    {
        double Length(IReadOnlyDictionary<string, double>? style, string side) =>
            style is not null && style.TryGetValue("length", out double v) ? v
                : throw new ArgumentException($"battle {row}: {side} lacks 'length', expected the output length.");
        return new LengthControlledAnnotation(battle.QuestionId ?? throw new ArgumentException($"battle {row}: QuestionId is missing, expected the instruction id."),
            battle.ItemB, 1 - battle.ScoreA, Length(battle.StyleB, "StyleB"), Length(battle.StyleA, "StyleA"));
    }
}
