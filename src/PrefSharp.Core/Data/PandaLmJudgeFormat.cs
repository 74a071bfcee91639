namespace PrefSharp.Core.Data;

/// <summary>
/// A judge's verdicts on the PandaLM test set (gpt-3.5-turbo-testset-v1.json, pandalm-7b-testset-v1.json):
/// <c>{idx, &lt;judge&gt;_result, &lt;judge&gt;_reason, &lt;judge&gt;_reference}</c> with result 0 / "Tie", 1 or 2.
/// The files carry no model names, so each verdict is a battle between the positions "response1" and
/// "response2" (QuestionId = idx, Judge = the field prefix, e.g. "gpt", "pandalm"); labels are kept as
/// Metadata["label"] in PandaLM's vocabulary ("Tie" → "0"). Other results (the set has "garbage") are unknown labels.
/// </summary>
public sealed class PandaLmJudgeFormat : IRecordFormat
{
    private const string ResultSuffix = "_result";

    public string Name => "pandalm-judge";

    public string Description => "PandaLM judge outputs {idx, <judge>_result in 0/1/2/Tie, <judge>_reason, <judge>_reference}";

    public bool Matches(RecordFields record) => record.Has("idx") && ResultField(record) is not null;

    public void Read(RecordFields record, List<PreferenceRecord> output)
    {
        var field = ResultField(record) ?? throw record.Error("<judge>_result", Problems.MissingField, "a field such as gpt_result");
        var value = record.Required(field, "a label");
        var text = value.ValueKind == System.Text.Json.JsonValueKind.String ? value.GetString()! : value.GetRawText();
        var label = text.Equals("tie", StringComparison.OrdinalIgnoreCase) ? "0" : text;
        var outcome = label switch
        {
            "0" => BattleOutcome.Tie,
            "1" => BattleOutcome.A,
            "2" => BattleOutcome.B,
            _ => throw record.Error(field, Problems.UnknownLabel, "0 or \"Tie\", 1, or 2", $"got \"{text}\""),
        };
        var judge = field[..^ResultSuffix.Length];
        output.Add(new Battle("response1", "response2", outcome)
        {
            Judge = judge,
            QuestionId = record.Id("idx"),
            Location = record.Location,
            Metadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["label"] = label },
        });
    }

    private static string? ResultField(RecordFields record)
    {
        foreach (var property in record.Root.EnumerateObject())
        {
            if (property.Name.EndsWith(ResultSuffix, StringComparison.Ordinal))
            {
                return property.Name;
            }
        }
        return null;
    }
}
