namespace PrefSharp.Core.Data;

/// <summary>
/// Summarises a preference file (the API behind <c>prefsharp data inspect FILE… [--output table|json]</c>):
/// reads it once, streaming, and returns an <see cref="InspectionReport"/>; serialise it with
/// <see cref="InspectionReport.ToJson"/>. Multi-annotator agreement is computed over battles that carry a judge
/// and a question id; the item is (question id, A, B) as shown, and the label is Metadata["label"] (the source's
/// own vocabulary, e.g. PandaLM's 0/1/2) or else the outcome (a, b, tie, tie_bothbad).
/// </summary>
public static class DataInspector
{
    public static InspectionReport Inspect(string path, ReadOptions? options = null)
    {
        var reader = new PreferenceFileReader(path, options);
        var statistics = new InspectionAccumulator();
        foreach (var record in reader)
        {
            statistics.Add(record);
        }
        return statistics.Build(path, reader.Format?.Name, reader.Skipped);
    }

    /// <summary>Inspects records already in memory (from several files, or built in code).</summary>
    public static InspectionReport Inspect(IEnumerable<PreferenceRecord> records, string path, string? format = null)
    {
        var statistics = new InspectionAccumulator();
        foreach (var record in records)
        {
            statistics.Add(record);
        }
        return statistics.Build(path, format, new SkippedRecords());
    }
}
