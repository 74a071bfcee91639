namespace PrefSharp.Core.Data;

/// <summary>Reads JSONL (one JSON object per line, blank lines ignored) line by line in constant memory.</summary>
internal static class JsonLinesSource
{
    public static IEnumerable<SourceRecord> Read(string path)
    {
        using var stream = InputFile.OpenDecompressed(path);
        var lines = new Utf8LineReader(stream);
        while (lines.TryReadLine(out var line))
        {
            if (line.Span.TrimStart(" \t\r"u8).IsEmpty)
            {
                continue;
            }
            yield return SourceRecord.Parse(line, new SourceLocation(path, lines.LineNumber));
        }
    }
}
