namespace PrefSharp.Core.Data;

/// <summary>
/// A format whose records are JSON-like objects (a JSONL line, an array element, a CSV or Parquet row).
/// Readers are stateless: one source record in, zero or more preference records out.
/// </summary>
public interface IRecordFormat : IDataFormat
{
    /// <summary>True when the record has this format's distinguishing fields (used for auto-detection on the first record).</summary>
    bool Matches(RecordFields record);

    /// <summary>Appends the records read from <paramref name="record"/>; throws <see cref="DataFormatException"/> for bad input.</summary>
    void Read(RecordFields record, List<PreferenceRecord> output);
}
