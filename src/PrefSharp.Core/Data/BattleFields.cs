namespace PrefSharp.Core.Data;

/// <summary>Field names of PrefSharp's own battle records (JSONL and Parquet), shared by the writers and <see cref="BattlesFormat"/>.</summary>
internal static class BattleFields
{
    public const string ItemA = "item_a";
    public const string ItemB = "item_b";
    public const string Outcome = "outcome";
    public const string ScoreA = "score_a";
    public const string Weight = "weight";
    public const string Margin = "margin";
    public const string Judge = "judge";
    public const string QuestionId = "question_id";
    public const string Timestamp = "timestamp";
    public const string Prompt = "prompt";
    public const string TextA = "text_a";
    public const string TextB = "text_b";
    public const string StyleA = "style_a";
    public const string StyleB = "style_b";

    /// <summary>The outcome as written: "a", "b", "tie", "tie_bothbad".</summary>
    public static string OutcomeName(BattleOutcome outcome) => outcome switch
    {
        BattleOutcome.A => "a",
        BattleOutcome.B => "b",
        BattleOutcome.Tie => "tie",
        _ => "tie_bothbad",
    };
}
