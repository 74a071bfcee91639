namespace PrefSharp.Core.Data;

/// <summary>How records are laid out in a file, before any format interprets their fields.</summary>
public enum InputContainer
{
    /// <summary>One JSON object per line (JSONL), optionally gzip-compressed.</summary>
    JsonLines,
    /// <summary>A JSON array of objects, streamed element by element.</summary>
    JsonArray,
    /// <summary>An Apache Parquet file (one record per row).</summary>
    Parquet,
    /// <summary>RFC 4180 comma-separated values with a header row.</summary>
    Csv,
    /// <summary>Whitespace-separated columns with a header row (rankings such as NASCAR 2002).</summary>
    Text,
}
