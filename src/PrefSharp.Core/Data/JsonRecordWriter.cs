using System.Text.Encodings.Web;
using System.Text.Json;

namespace PrefSharp.Core.Data;

/// <summary>
/// Writes JSON lines (one object per line) with the value shapes PrefSharp's readers expect: passages as a string
/// or a list of {role, content}, maps as objects. Non-ASCII text is written as UTF-8, not escaped.
/// </summary>
internal sealed class JsonRecordWriter : IDisposable
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly Stream stream;

    public JsonRecordWriter(Stream stream)
    {
        this.stream = stream;
        Json = new Utf8JsonWriter(stream, Options);
    }

    public Utf8JsonWriter Json { get; }

    /// <summary>
    /// Writes one JSON object per record and line into <paramref name="stream"/>: the fields <paramref name="writeFields"/>
    /// writes, then the record's metadata. Returns how many records were written.
    /// </summary>
    public static long WriteLines<T>(Stream stream, IEnumerable<T> records, Action<JsonRecordWriter, T> writeFields) where T : PreferenceRecord
    {
        using var writer = new JsonRecordWriter(stream);
        long count = 0;
        foreach (var record in records)
        {
            writer.Json.WriteStartObject();
            writeFields(writer, record);
            writer.Metadata(record.Metadata);
            writer.Json.WriteEndObject();
            writer.EndLine();
            count++;
        }
        return count;
    }

    /// <summary><see cref="WriteLines{T}(Stream, IEnumerable{T}, Action{JsonRecordWriter, T})"/> into a file, atomically (gzip for ".gz").</summary>
    public static long WriteLines<T>(string path, IEnumerable<T> records, Action<JsonRecordWriter, T> writeFields) where T : PreferenceRecord
    {
        long count = 0;
        AtomicFile.WriteCompressible(path, stream => count = WriteLines(stream, records, writeFields));
        return count;
    }

    /// <summary>Ends the current object's line.</summary>
    public void EndLine()
    {
        Json.Flush();
        stream.WriteByte((byte)'\n');
        Json.Reset();
    }

    public void Passage(string name, Passage? passage)
    {
        if (passage is null)
        {
            return;
        }
        if (passage.Messages is not { } messages)
        {
            Json.WriteString(name, passage.Text);
            return;
        }
        Json.WriteStartArray(name);
        foreach (var message in messages)
        {
            Json.WriteStartObject();
            Json.WriteString("role", message.Role);
            Json.WriteString("content", message.Content);
            Json.WriteEndObject();
        }
        Json.WriteEndArray();
    }

    public void Number(string name, double? value)
    {
        if (value is { } number)
        {
            Json.WriteNumber(name, number);
        }
    }

    public void String(string name, string? value)
    {
        if (value is not null)
        {
            Json.WriteString(name, value);
        }
    }

    public void Map<T>(string name, IReadOnlyDictionary<string, T>? map, Action<Utf8JsonWriter, string, T> writeEntry)
    {
        if (map is null)
        {
            return;
        }
        Json.WriteStartObject(name);
        foreach (var (key, value) in map)
        {
            writeEntry(Json, key, value);
        }
        Json.WriteEndObject();
    }

    public void Metadata(IReadOnlyDictionary<string, string>? metadata) =>
        Map(RecordFields.MetadataField, metadata, static (json, key, value) => json.WriteString(key, value));

    public void Dispose() => Json.Dispose();
}
