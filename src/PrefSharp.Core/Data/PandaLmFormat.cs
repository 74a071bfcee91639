using System.Globalization;

namespace PrefSharp.Core.Data;

/// <summary>
/// PandaLM's human-annotated test set (testset-v1.json): <c>{idx, cmp_key: "modelA_modelB", instruction, input,
/// response1, response2, annotator1..annotatorN}</c> with labels 0 (tie), 1 (response1 better), 2 (response2 better).
/// One battle per annotator (Judge "annotator1", …; QuestionId = idx). The label keeps PandaLM's own vocabulary
/// ("0", "1", "2") in Metadata["label"], so agreement statistics compare with the paper's. cmp_key is split at its
/// single '_' (the model names in the set have none); a key with several is rejected as ambiguous. Boolean
/// responses are read as text (see <see cref="Response"/>).
/// </summary>
public sealed class PandaLmFormat : IRecordFormat
{
    private static readonly HashSet<string> KnownFields = RecordChecks.Known("idx", "cmp_key", "instruction", "input", "response1", "response2");

    public string Name => "pandalm";

    public string Description => "PandaLM test set {idx, cmp_key, instruction, input, response1, response2, annotator1..3 in 0/1/2}";

    public bool Matches(RecordFields record) => record.Has("cmp_key") && record.Has("response1") && record.Has("annotator1");

    public void Read(RecordFields record, List<PreferenceRecord> output)
    {
        var key = record.String("cmp_key");
        var separator = key.IndexOf('_');
        if (separator <= 0 || separator == key.Length - 1 || key.IndexOf('_', separator + 1) >= 0)
        {
            throw record.Error("cmp_key", Problems.WrongType, "\"modelA_modelB\" with exactly one '_'", $"got \"{key}\"");
        }
        var itemA = key[..separator];
        var itemB = key[(separator + 1)..];
        RecordChecks.DistinctItems(record, itemA, itemB, "cmp_key");
        var instruction = record.String("instruction");
        var input = record.OptionalString("input");
        var battle = new Battle(itemA, itemB, BattleOutcome.Tie)
        {
            QuestionId = record.Id("idx"),
            Prompt = Passage.FromText(string.IsNullOrEmpty(input) ? instruction : instruction + "\n\n" + input),
            TextA = Passage.FromText(Response(record, "response1")),
            TextB = Passage.FromText(Response(record, "response2")),
            Location = record.Location,
        };
        var extras = record.Extras(KnownFields)?.Where(pair => !pair.Key.StartsWith("annotator", StringComparison.Ordinal)).ToArray() ?? [];
        var annotator = 1;
        for (; record.Has($"annotator{annotator}"); annotator++)
        {
            var field = $"annotator{annotator}";
            var label = record.Number(field);
            var outcome = OutcomeOf(record, label, field);
            var metadata = new Dictionary<string, string>(extras, StringComparer.Ordinal) { ["label"] = label.ToString(CultureInfo.InvariantCulture) };
            output.Add(battle with { Outcome = outcome, ScoreA = Battle.DefaultScore(outcome), Judge = field, Metadata = metadata });
        }
        if (annotator == 1)
        {
            throw record.Error("annotator1", Problems.MissingField, "at least one annotator label");
        }
    }

    /// <summary>
    /// A response's text. Six items of testset-v1.json hold the JSON boolean true where a model answered "True"
    /// (to "Verify the correctness of the given statement"); a boolean is read back as that text, Python's spelling.
    /// </summary>
    private static string Response(RecordFields record, string field) => record.Required(field, "a string").ValueKind switch
    {
        System.Text.Json.JsonValueKind.True => "True",
        System.Text.Json.JsonValueKind.False => "False",
        _ => record.String(field),
    };

    /// <summary>PandaLM's labels: 0 tie, 1 the first response better, 2 the second.</summary>
    public static BattleOutcome OutcomeOf(RecordFields record, double label, string field) => label switch
    {
        0 => BattleOutcome.Tie,
        1 => BattleOutcome.A,
        2 => BattleOutcome.B,
        _ => throw record.Error(field, Problems.UnknownLabel, "0 (tie), 1 (response1 better) or 2 (response2 better)", $"got {label}"),
    };
}
