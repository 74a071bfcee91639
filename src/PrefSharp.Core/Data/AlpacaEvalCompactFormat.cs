namespace PrefSharp.Core.Data;

/// <summary>
/// The compact battles derived from AlpacaEval annotations (no texts):
/// <c>{index, generator_1, generator_2, dataset, preference, len_output_1, len_output_2}</c>, read as
/// <see cref="AlpacaEvalFormat"/> reads the full annotations (QuestionId = index, styles from the lengths).
/// </summary>
public sealed class AlpacaEvalCompactFormat : IRecordFormat
{
    private static readonly HashSet<string> KnownFields = RecordChecks.Known("index", "generator_1", "generator_2",
        "preference", "len_output_1", "len_output_2");

    public string Name => "alpaca-eval-compact";

    public string Description => "AlpacaEval compact battles {index, generator_1/2, preference, len_output_1/2, dataset}";

    public bool Matches(RecordFields record) =>
        record.Has("generator_1") && record.Has("generator_2") && record.Has("preference") && !record.Has("output_1");

    public void Read(RecordFields record, List<PreferenceRecord> output) =>
        output.Add(AlpacaEvalFormat.CreateBattle(record, record.Id("index"),
            record.Number("len_output_1"), record.Number("len_output_2"), KnownFields));
}
