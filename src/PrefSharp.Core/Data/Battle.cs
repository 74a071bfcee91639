namespace PrefSharp.Core.Data;

/// <summary>
/// One judged comparison of two named items (models, systems, products), positional: A was shown first.
/// The unit of leaderboards. Text is optional; when present a battle converts to a <see cref="PreferencePair"/>.
/// </summary>
public sealed record Battle(string ItemA, string ItemB, BattleOutcome Outcome) : PreferenceRecord
{
    /// <summary>
    /// A's score in [0, 1]: 1 win, 0 loss, 0.5 tie, or a soft judgement (AlpacaEval's preference − 1, as the probability that B wins, gives ScoreA = 2 − preference).
    /// </summary>
    public double ScoreA { get; init; } = DefaultScore(Outcome);

    /// <summary>How much this battle counts (a sample weight); 1 by default.</summary>
    public double Weight { get; init; } = 1.0;

    /// <summary>Strength of the verdict where the source grades it (Tülu's "better" = 2 against "slightly better" = 1).</summary>
    public double? Margin { get; init; }

    /// <summary>Who judged: a human rater id or a judge model.</summary>
    public string? Judge { get; init; }

    /// <summary>The prompt or question the two items answered.</summary>
    public string? QuestionId { get; init; }

    /// <summary>When the battle happened, for online Elo in time order; null when unknown.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    public Passage? Prompt { get; init; }
    public Passage? TextA { get; init; }
    public Passage? TextB { get; init; }

    /// <summary>Style covariates of A's response (e.g. "length", "header_count"), for style control.</summary>
    public IReadOnlyDictionary<string, double>? StyleA { get; init; }

    /// <summary>Style covariates of B's response, same keys as <see cref="StyleA"/>.</summary>
    public IReadOnlyDictionary<string, double>? StyleB { get; init; }

    public bool IsTie => Outcome is BattleOutcome.Tie or BattleOutcome.TieBothBad;

    /// <summary>The same judgement seen from the other side: B becomes A (scores, styles and texts swap with it).</summary>
    public Battle Swapped() => this with
    {
        ItemA = ItemB, ItemB = ItemA, ScoreA = 1 - ScoreA, StyleA = StyleB, StyleB = StyleA, TextA = TextB, TextB = TextA,
        Outcome = Outcome switch { BattleOutcome.A => BattleOutcome.B, BattleOutcome.B => BattleOutcome.A, var same => same },
    };

    /// <summary>The score of A implied by a hard outcome: 1, 0 or 0.5.</summary>
    public static double DefaultScore(BattleOutcome outcome) => outcome switch
    {
        BattleOutcome.A => 1.0,
        BattleOutcome.B => 0.0,
        _ => 0.5,
    };
}
