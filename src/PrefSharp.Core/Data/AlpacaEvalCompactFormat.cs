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
            Length(record, "len_output_1"), Length(record, "len_output_2"), KnownFields));

    /// <summary>A length in code points, as the full annotations give it: a whole number from 0 to <see cref="int.MaxValue"/>.</summary>
    private static double Length(RecordFields record, string field)
    {
        var length = record.Number(field);
        return length is >= 0 and <= int.MaxValue && Math.Floor(length) == length ? length
            : throw record.Error(field, Problems.OutOfRange, $"a whole number of characters from 0 to {int.MaxValue}", $"got {length}");
    }
}
