using System.Text.Json;

namespace PrefSharp.Core.Data;

/// <summary>
/// Chatbot Arena / Arena-Hard battles: <c>{model_a, model_b, winner}</c> with winner in model_a / model_b / tie /
/// "tie (bothbad)", and optional <c>judge</c>, <c>question_id</c>, <c>tstamp</c> (Unix seconds) and
/// <c>conv_metadata</c>, whose per-side style counts (<c>header_count_a: {h1: …}</c>, <c>sum_assistant_a_tokens</c>)
/// become StyleA/StyleB with the side marker dropped from the name and nested counts summed.
/// The winner string is kept as Metadata["label"] for agreement statistics.
/// </summary>
public sealed class ArenaFormat : IRecordFormat
{
    private static readonly HashSet<string> KnownFields = RecordChecks.Known("model_a", "model_b", "winner", "judge",
        "question_id", "tstamp", "conv_metadata");

    public string Name => "arena";

    public string Description => "Chatbot Arena / Arena-Hard battles {model_a, model_b, winner, judge?, question_id?, tstamp?, conv_metadata?}";

    public bool Matches(RecordFields record) => record.Has("model_a") && record.Has("model_b") && record.Has("winner");

    public void Read(RecordFields record, List<PreferenceRecord> output)
    {
        var itemA = record.ItemName("model_a");
        var itemB = record.ItemName("model_b");
        RecordChecks.DistinctItems(record, itemA, itemB, "model_b");
        var winner = record.String("winner");
        var outcome = winner switch
        {
            "model_a" => BattleOutcome.A,
            "model_b" => BattleOutcome.B,
            "tie" => BattleOutcome.Tie,
            "tie (bothbad)" => BattleOutcome.TieBothBad,
            _ => throw record.Error("winner", Problems.UnknownLabel, "model_a, model_b, tie or \"tie (bothbad)\"", $"got \"{winner}\""),
        };
        var metadata = record.Extras(KnownFields) ?? new Dictionary<string, string>(StringComparer.Ordinal);
        metadata["label"] = winner;
        var (styleA, styleB) = Styles(record);
        output.Add(new Battle(itemA, itemB, outcome)
        {
            Judge = record.OptionalString("judge"),
            QuestionId = record.OptionalId("question_id"),
            Timestamp = record.OptionalNumber("tstamp") is { } seconds
                ? DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond))
                : null,
            StyleA = styleA,
            StyleB = styleB,
            Location = record.Location,
            Metadata = metadata,
        });
    }

    private static (Dictionary<string, double>?, Dictionary<string, double>?) Styles(RecordFields record)
    {
        if (!record.TryGet("conv_metadata", out var value))
        {
            return (null, null);
        }
        var styleA = new Dictionary<string, double>(StringComparer.Ordinal);
        var styleB = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var property in record.ObjectValue(value, "conv_metadata").EnumerateObject())
        {
            var (side, name) = SplitSide(property.Name);
            if (side is not null)
            {
                (side == 'a' ? styleA : styleB)[name] = Count(record, property.Value, $"conv_metadata.{property.Name}");
            }
        }
        return (styleA, styleB);
    }

    /// <summary>"header_count_a" → ('a', "header_count"); "sum_assistant_b_tokens" → ('b', "sum_assistant_tokens").</summary>
    private static (char? Side, string Name) SplitSide(string key)
    {
        foreach (var side in "ab")
        {
            if (key.EndsWith("_" + side, StringComparison.Ordinal))
            {
                return (side, key[..^2]);
            }
            var infix = key.IndexOf("_" + side + "_", StringComparison.Ordinal);
            if (infix >= 0)
            {
                return (side, key[..infix] + key[(infix + 2)..]);
            }
        }
        return (null, key);
    }

    private static double Count(RecordFields record, JsonElement value, string field) =>
        value.ValueKind == JsonValueKind.Object
            ? value.EnumerateObject().Sum(inner => record.NumberValue(inner.Value, $"{field}.{inner.Name}"))
            : record.NumberValue(value, field);
}
