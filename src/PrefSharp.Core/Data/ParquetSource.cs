using System.Buffers;
using System.Collections;
using System.Text.Json;
using Parquet;
using Parquet.Serialization;

namespace PrefSharp.Core.Data;

/// <summary>
/// Reads Parquet one row group at a time (Parquet.Net's untyped deserialiser); each row becomes a JSON object
/// (lists and structs nested as in the file) so that the same format readers apply. Locations are <c>path[row]</c>.
/// A file cut short (no footer ending in "PAR1") or whose metadata or pages cannot be decoded is an error naming
/// the file, never a shorter dataset, and is not skipped by <see cref="ReadOptions.SkipInvalid"/>.
/// </summary>
internal static class ParquetSource
{
    public static IEnumerable<SourceRecord> Read(string path)
    {
        using var stream = File.OpenRead(path);
        CheckFooter(stream, path);
        var groups = Decode(path, () => RowGroupCount(stream));
        var json = new ArrayBufferWriter<byte>();
        long row = 0;
        for (var group = 0; group < groups; group++)
        {
            stream.Position = 0;
            var rows = Decode(path, async () => (await ParquetSerializer.DeserializeUntypedAsync(stream, null, group)).Data);
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

    /// <summary>A whole Parquet file ends with its footer: metadata, the metadata's 4-byte length, and "PAR1".</summary>
    private static void CheckFooter(Stream stream, string path)
    {
        Span<byte> tail = stackalloc byte[8];
        var length = stream.Length;
        if (length >= 12)
        {
            stream.Position = length - 8;
            stream.ReadExactly(tail);
            stream.Position = 0;
        }
        var metadataLength = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(tail);
        if (length < 12 || !tail[4..].SequenceEqual("PAR1"u8) || metadataLength <= 0 || metadataLength > length - 12)
        {
            throw new DataFormatException(SourceLocation.WholeFile(path), null, Problems.TruncatedFile,
                "a complete Parquet file, which ends with its footer and \"PAR1\"", $"{length} bytes, no valid footer at the end");
        }
    }

    /// <summary>Runs a Parquet.Net call; whatever it throws on a damaged file becomes an error naming the file.</summary>
    private static T Decode<T>(string path, Func<Task<T>> read)
    {
        try
        {
            return read().GetAwaiter().GetResult();
        }
        catch (Exception error) when (error is not (DataFormatException or OutOfMemoryException))
        {
            throw new DataFormatException(SourceLocation.WholeFile(path), null, Problems.CorruptFile,
                "an intact Parquet file", $"{error.GetType().Name}: {error.Message.Split('\n')[0].TrimEnd('.')}");
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
