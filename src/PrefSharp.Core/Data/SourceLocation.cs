namespace PrefSharp.Core.Data;

/// <summary>
/// Where a record came from: a file and a 1-based line (JSONL, CSV, text) or a 0-based record index (JSON arrays, Parquet).
/// Line 0 without a record index is the file as a whole (a truncated or unreadable file), shown as the path alone.
/// </summary>
public readonly record struct SourceLocation(string Path, long Line, bool IsRecordIndex = false)
{
    /// <summary>The file as a whole, for faults that belong to no record (truncated, empty, not a file).</summary>
    public static SourceLocation WholeFile(string path) => new(path, 0);

    public override string ToString() => IsRecordIndex ? $"{Path}[{Line}]" : Line == 0 ? Path : $"{Path}:{Line}";
}
