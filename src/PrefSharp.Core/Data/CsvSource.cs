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
    public static IEnumerable<SourceRecord> Read(string path)
    {
        using var stream = InputFile.OpenDecompressed(path);
        using var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var csv = new CsvReader(text, path);
        var header = new List<string>();
        if (!csv.TryReadRow(header))
        {
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
