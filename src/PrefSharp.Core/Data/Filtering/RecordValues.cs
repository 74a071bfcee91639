using System.Globalization;

namespace PrefSharp.Core.Data.Filtering;

/// <summary>
/// The values a <c>--where</c> filter can name, as text: a battle's <c>item_a</c>/<c>item_b</c> (also
/// <c>model_a</c>/<c>model_b</c>), <c>outcome</c> (a, b, tie, tie_bothbad), <c>judge</c>, <c>question_id</c>,
/// <c>weight</c>, <c>score_a</c>, <c>margin</c>; a pair's <c>chosen_model</c>, <c>rejected_model</c>,
/// <c>annotator</c>, <c>source</c>, <c>id</c>; and any field the reader kept as metadata (Arena's <c>language</c>,
/// <c>turn</c>, <c>anony</c>, …). Null when the record has no such value.
/// </summary>
public static class RecordValues
{
    public static string? Of(PreferenceRecord record, string field) => (record, field) switch
    {
        (Battle b, "item_a" or "model_a") => b.ItemA,
        (Battle b, "item_b" or "model_b") => b.ItemB,
        (Battle b, "outcome") => b.Outcome switch { BattleOutcome.A => "a", BattleOutcome.B => "b", BattleOutcome.Tie => "tie", _ => "tie_bothbad" },
        (Battle b, "judge") => b.Judge,
        (Battle b, "question_id") => b.QuestionId,
        (Battle b, "weight") => Number(b.Weight),
        (Battle b, "score_a") => Number(b.ScoreA),
        (Battle b, "margin") => b.Margin is { } margin ? Number(margin) : null,
        (PreferencePair p, "chosen_model") => p.ChosenModel,
        (PreferencePair p, "rejected_model") => p.RejectedModel,
        (PreferencePair p, "annotator") => p.AnnotatorId,
        (PreferencePair p, "source") => p.Source,
        (PreferencePair p, "id") => p.Id,
        _ => record.Metadata?.GetValueOrDefault(field),
    };

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
