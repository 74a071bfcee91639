using System.Globalization;
using System.Text.Json;

namespace PrefSharp.Core.Data;

/// <summary>
/// The Tülu human evaluation (open-instruct, eval_annotations_tulu_1.converted.jsonl): <c>{model_a, model_b, prompt,
/// completion_a, completion_b, preference, evaluator, instance_id, timestamp, completion_*_is_acceptable}</c>.
/// preference is a-is-better / a-is-slightly-better / tie / b-is-slightly-better / b-is-better: Margin 2 for
/// "better", 1 for "slightly better"; the string is kept as Metadata["label"]. timestamp is an Excel serial day
/// number (days since 1899-12-30, taken as UTC). Acceptability flags and ids stay in Metadata.
/// </summary>
public sealed class TuluHumanEvalFormat : IRecordFormat
{
    private static readonly DateTimeOffset ExcelEpoch = new(1899, 12, 30, 0, 0, 0, TimeSpan.Zero);

    private static readonly HashSet<string> KnownFields = RecordChecks.Known("model_a", "model_b", "prompt", "completion_a",
        "completion_b", "preference", "evaluator", "instance_id", "timestamp");

    public string Name => "tulu-human-eval";

    public string Description => "Tülu human evaluation {model_a/b, prompt, completion_a/b, preference a-is-better … b-is-better, evaluator, instance_id, timestamp}";

    public bool Matches(RecordFields record) => record.Has("model_a") && record.Has("completion_a") && record.Has("preference");

    public void Read(RecordFields record, List<PreferenceRecord> output)
    {
        var itemA = record.ItemName("model_a");
        var itemB = record.ItemName("model_b");
        RecordChecks.DistinctItems(record, itemA, itemB, "model_b");
        var preference = record.String("preference");
        (BattleOutcome outcome, double? margin) = preference switch
        {
            "a-is-better" => (BattleOutcome.A, 2.0),
            "a-is-slightly-better" => (BattleOutcome.A, 1.0),
            "tie" => (BattleOutcome.Tie, (double?)null),
            "b-is-slightly-better" => (BattleOutcome.B, 1.0),
            "b-is-better" => (BattleOutcome.B, 2.0),
            _ => throw record.Error("preference", Problems.UnknownLabel,
                "a-is-better, a-is-slightly-better, tie, b-is-slightly-better or b-is-better", $"got \"{preference}\""),
        };
        var metadata = record.Extras(KnownFields) ?? new Dictionary<string, string>(StringComparer.Ordinal);
        metadata["label"] = preference;
        output.Add(new Battle(itemA, itemB, outcome)
        {
            Margin = margin,
            Judge = record.OptionalString("evaluator"),
            QuestionId = record.OptionalId("instance_id"),
            Timestamp = ExcelTime(record, "timestamp"),
            Prompt = Passage.FromText(record.String("prompt")),
            TextA = Passage.FromText(record.String("completion_a")),
            TextB = Passage.FromText(record.String("completion_b")),
            Location = record.Location,
            Metadata = metadata,
        });
    }

    /// <summary>An Excel serial day number, given as a number or as its text.</summary>
    private static DateTimeOffset? ExcelTime(RecordFields record, string field)
    {
        if (!record.TryGet(field, out var value))
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.String &&
            !double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            throw record.WrongType(field, value, "an Excel serial day number");
        }
        var days = value.ValueKind == JsonValueKind.String
            ? double.Parse(value.GetString()!, CultureInfo.InvariantCulture)
            : record.NumberValue(value, field);
        return double.IsFinite(days) && days is > 0 and < 2958466
            ? ExcelEpoch.AddTicks((long)Math.Round(days * TimeSpan.TicksPerDay))
            : throw record.Error(field, Problems.OutOfRange, "an Excel serial day number between 1900 and 9999", $"got {days}");
    }
}
