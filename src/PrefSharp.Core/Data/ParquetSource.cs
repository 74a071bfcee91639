using System.Buffers;
using System.Collections;
using System.Text.Json;
using Parquet;
using Parquet.Serialization;

namespace PrefSharp.Core.Data;

/// <summary>
/// Reads Parquet one row group at a time (Parquet.Net's untyped deserialiser); each row becomes a JSON object
/// (lists and structs nested as in the file) so that the same format readers apply. Locations are <c>path[row]</c>.
/// </summary>
internal static class ParquetSource
{
    public static IEnumerable<SourceRecord> Read(string path)
    {
        using var stream = File.OpenRead(path);
        var groups = RowGroupCount(stream).GetAwaiter().GetResult();
        var json = new ArrayBufferWriter<byte>();
        long row = 0;
        for (var group = 0; group < groups; group++)
        {
            stream.Position = 0;
            var rows = ParquetSerializer.DeserializeUntypedAsync(stream, null, group).GetAwaiter().GetResult().Data;
            foreach (var values in rows)
            {
                json.ResetWrittenCount();
                using (var writer = new Utf8JsonWriter(json))
                {
                    WriteValue(writer, values);
                }
                yield return SourceRecord.Parsed(JsonDocument.Parse(json.WrittenMemory.ToArray()),
                    new SourceLocation(path, row++, IsRecordIndex: true));
            }
        }
    }

    private static async Task<int> RowGroupCount(Stream stream)
    {
        await using var reader = await ParquetReader.CreateAsync(stream, leaveStreamOpen: true);
        return reader.RowGroupCount;
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string text: writer.WriteStringValue(text); break;
            case bool flag: writer.WriteBooleanValue(flag); break;
            case double number when !double.IsFinite(number): writer.WriteStringValue(number.ToString(System.Globalization.CultureInfo.InvariantCulture)); break;
            case double number: writer.WriteNumberValue(number); break;
            case float number: WriteValue(writer, (double)number); break;
            case int or long or short or byte or decimal: writer.WriteRawValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!); break;
            case DateTime time: writer.WriteStringValue(time); break;
            case DateTimeOffset time: writer.WriteStringValue(time); break;
            case IDictionary<string, object?> fields:
                writer.WriteStartObject();
                foreach (var (name, inner) in fields)
                {
                    writer.WritePropertyName(name);
                    WriteValue(writer, inner);
                }
                writer.WriteEndObject();
                break;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(writer, item);
                }
                writer.WriteEndArray();
                break;
            default: writer.WriteStringValue(value.ToString()); break;
        }
    }
}
