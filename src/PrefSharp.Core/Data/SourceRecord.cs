using System.Text.Json;

namespace PrefSharp.Core.Data;

/// <summary>
/// One record as a container (JSONL, JSON array, CSV, Parquet) delivers it, before any format reads it:
/// its fields, or the error that kept it from being parsed (so that a reader can skip it and go on).
/// Owns the pooled <see cref="JsonDocument"/>; dispose once the record is converted.
/// </summary>
public sealed class SourceRecord : IDisposable
{
    private readonly JsonDocument? document;

    private SourceRecord(JsonDocument? document, RecordFields? fields, DataFormatException? error)
    {
        this.document = document;
        Fields = fields;
        Error = error;
    }

    /// <summary>The parsed record, or null when <see cref="Error"/> is set.</summary>
    public RecordFields? Fields { get; }

    public DataFormatException? Error { get; }

    /// <summary>Wraps a parsed document; a root that is not an object becomes an error.</summary>
    public static SourceRecord Parsed(JsonDocument document, SourceLocation location, bool scalarsAsText = false)
    {
        if (document.RootElement.ValueKind == JsonValueKind.Object)
        {
            return new SourceRecord(document, new RecordFields(document.RootElement, location, scalarsAsText), null);
        }
        var kind = document.RootElement.ValueKind.ToString().ToLowerInvariant();
        document.Dispose();
        return Failed(new DataFormatException(location, null, Problems.NotAnObject, "a JSON object per record", $"got {kind}"));
    }

    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false };

    /// <summary>
    /// Parses UTF-8 JSON bytes. Invalid UTF-8, malformed JSON, a field given twice and a string escaping a lone surrogate
    /// become errors naming the byte or the field, so that each is one bad record.
    /// </summary>
    public static SourceRecord Parse(ReadOnlyMemory<byte> json, SourceLocation location)
    {
        if (Utf8Check.Error(json.Span, location) is { } invalid)
        {
            return Failed(invalid);
        }
        try
        {
            var document = JsonDocument.Parse(json, Strict);
            if (document.RootElement.ValueKind == JsonValueKind.Object && LoneSurrogates.Find(json.Span, document.RootElement) is { } field)
            {
                document.Dispose();
                return Failed(new DataFormatException(location, field, Problems.LoneSurrogate, "text that is valid Unicode", "a \\u escape of half a surrogate pair"));
            }
            return Parsed(document, location);
        }
        catch (JsonException) when (DuplicateFields.Find(json) is { } duplicate)
        {
            return Failed(new DataFormatException(location, duplicate, Problems.DuplicateField, "each field once per object"));
        }
        catch (JsonException exception)
        {
            var detail = exception.BytePositionInLine is { } position
                ? $"at byte {position + 1}: {FirstSentence(exception.Message)}"
                : FirstSentence(exception.Message);
            return Failed(new DataFormatException(location, null, Problems.MalformedJson, "a JSON object", detail));
        }
    }

    public static SourceRecord Failed(DataFormatException error) => new(null, null, error);

    public void Dispose() => document?.Dispose();

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut < 0 ? message : message[..cut]).TrimEnd('.', ' ');
    }
}
