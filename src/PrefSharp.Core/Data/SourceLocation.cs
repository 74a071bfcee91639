namespace PrefSharp.Core.Data;

/// <summary>Where a record came from: a file and a 1-based line (JSONL, CSV, text) or a 0-based record index (JSON arrays, Parquet).</summary>
public readonly record struct SourceLocation(string Path, long Line, bool IsRecordIndex = false)
{
    public override string ToString() => IsRecordIndex ? $"{Path}[{Line}]" : $"{Path}:{Line}";
}
