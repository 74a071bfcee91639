using System.Buffers;
using System.Text;
using System.Text.Json;

namespace PrefSharp.Core.Data;

/// <summary>
/// Reads CSV with a header row; each row becomes a record whose fields are the header names, with text values
/// (numbers and booleans are parsed when a format asks for them, empty cells count as absent).
/// </summary>
internal static class CsvSource
{
    /// <summary>
    /// What the decoder puts in place of bytes that are not UTF-8: U+FDD0, a noncharacter, which Unicode reserves for a
    /// program's internal use, so that a row holding one is reported as invalid UTF-8 with its line.
    /// </summary>
    private const char InvalidByte = '\uFDD0';

    private static readonly Encoding Utf8Marking = Encoding.GetEncoding("utf-8", EncoderFallback.ExceptionFallback, new DecoderReplacementFallback(InvalidByte.ToString()));

    public static IEnumerable<SourceRecord> Read(string path)
    {
        using var stream = InputFile.OpenDecompressed(path);
        using var text = new StreamReader(stream, Utf8Marking, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var csv = new CsvReader(text, path);
        var header = new List<string>();
        if (!csv.TryReadRow(header))
        {
            yield break;
        }
        if (header.FindIndex(name => name.Contains(InvalidByte)) is var badName and >= 0)
        {
            yield return SourceRecord.Failed(new DataFormatException(new SourceLocation(path, csv.RowLine), $"column {badName + 1}", Problems.InvalidUtf8,
                "text encoded as UTF-8", "in the header"));
            yield break;
        }
        var row = new List<string>();
        var json = new ArrayBufferWriter<byte>();
        while (csv.TryReadRow(row))
        {
            var location = new SourceLocation(path, csv.RowLine);
            if (row.Count != header.Count)
            {
                yield return SourceRecord.Failed(new DataFormatException(location, null, Problems.MalformedCsv,
                    $"{header.Count} fields as in the header", $"got {row.Count}"));
                continue;
            }
            if (row.FindIndex(cell => cell.Contains(InvalidByte)) is var bad and >= 0)
            {
                yield return SourceRecord.Failed(new DataFormatException(location, header[bad], Problems.InvalidUtf8, "text encoded as UTF-8"));
                continue;
            }
            json.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(json))
            {
                writer.WriteStartObject();
                for (var i = 0; i < header.Count; i++)
                {
                    writer.WriteString(header[i], row[i]);
                }
                writer.WriteEndObject();
            }
            yield return SourceRecord.Parsed(JsonDocument.Parse(json.WrittenMemory.ToArray()), location, scalarsAsText: true);
        }
    }
}
