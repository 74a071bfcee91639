using System.Globalization;
using System.Text.Json;

namespace PrefSharp.Core.Data;

/// <summary>
/// Typed access to the fields of one source record (a JSON object; a CSV or Parquet row seen as one), raising
/// <see cref="DataFormatException"/>s with the standard message for a missing or wrongly typed field.
/// Every format reader goes through this class, so that all formats report errors the same way.
/// </summary>
public sealed partial class RecordFields
{
    /// <param name="root">The record; must be a JSON object.</param>
    /// <param name="location">Where the record was read.</param>
    /// <param name="scalarsAsText">True for text sources (CSV): numbers and booleans arrive as strings and are parsed, empty cells count as absent.</param>
    public RecordFields(JsonElement root, SourceLocation location, bool scalarsAsText = false)
    {
        Root = root;
        Location = location;
        ScalarsAsText = scalarsAsText;
    }

    public JsonElement Root { get; }
    public SourceLocation Location { get; }
    public bool ScalarsAsText { get; }

    /// <summary>An error at this record: <c>path:line: field: problem (detail); expected …</c>.</summary>
    public DataFormatException Error(string? field, string problem, string? expected = null, string? detail = null) =>
        new(Location, field, problem, expected, detail);

    /// <summary>True when the field is present and not null (for text sources: not an empty cell).</summary>
    public bool Has(string name) => TryGet(name, out _);

    public bool TryGet(string name, out JsonElement value)
    {
        if (Root.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null &&
            !(ScalarsAsText && value.ValueKind == JsonValueKind.String && value.ValueEquals(ReadOnlySpan<byte>.Empty)))
        {
            return true;
        }
        value = default;
        return false;
    }

    public JsonElement Required(string name, string expected) =>
        TryGet(name, out var value) ? value : throw Error(name, Problems.MissingField, expected);

    /// <summary>A required string; empty strings are allowed here (callers that need text check <see cref="NonEmpty"/>).</summary>
    public string String(string name) => StringValue(Required(name, "a string"), name);

    /// <summary>The name of a compared item (a model, a policy): a string with at least one non-blank character.</summary>
    public string ItemName(string name)
    {
        var value = String(name);
        return string.IsNullOrWhiteSpace(value) ? throw Error(name, Problems.EmptyText, "a non-empty item name", $"got \"{value}\"") : value;
    }

    public string? OptionalString(string name) => TryGet(name, out var value) ? StringValue(value, name) : null;

    /// <summary>An identifier given as a string or a number (question ids, indices), as text.</summary>
    public string Id(string name) => IdValue(Required(name, "a string or a number"), name);

    public string? OptionalId(string name) => TryGet(name, out var value) ? IdValue(value, name) : null;

    public double Number(string name) => NumberValue(Required(name, "a number"), name);

    public double? OptionalNumber(string name) => TryGet(name, out var value) ? NumberValue(value, name) : null;

    public bool Boolean(string name) => BooleanValue(Required(name, "true or false"), name);

    public string StringValue(JsonElement value, string field) => value.ValueKind == JsonValueKind.String
        ? value.GetString()!
        : throw WrongType(field, value, "a string");

    public string IdValue(JsonElement value, string field) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.GetRawText(),
        _ => throw WrongType(field, value, "a string or a number"),
    };

    /// <summary>A finite number; NaN or infinity (as a string "NaN", or in a text source) is an error.</summary>
    public double NumberValue(JsonElement value, string field)
    {
        double number;
        if (value.ValueKind == JsonValueKind.Number)
        {
            number = value.GetDouble();
        }
        else if (value.ValueKind != JsonValueKind.String ||
                 !double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number) ||
                 (!ScalarsAsText && double.IsFinite(number)))
        {
            throw WrongType(field, value, "a number");
        }
        return double.IsFinite(number) ? number : throw Error(field, Problems.NotFinite, "a finite number", value.ToString());
    }

    public bool BooleanValue(JsonElement value, string field) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String when ScalarsAsText && bool.TryParse(value.GetString(), out var parsed) => parsed,
        _ => throw WrongType(field, value, "true or false"),
    };

    /// <summary>The error for a value of the wrong JSON kind, quoting a short excerpt of what was found.</summary>
    public DataFormatException WrongType(string field, JsonElement value, string expected) =>
        Error(field, Problems.WrongType, expected, $"got {Describe(value)}");

    /// <summary>Throws <see cref="Problems.EmptyText"/> when the passage has no text.</summary>
    public Passage NonEmpty(Passage passage, string field) =>
        passage.IsEmpty ? throw Error(field, Problems.EmptyText, "a non-empty text") : passage;

    private static string Describe(JsonElement value)
    {
        var raw = value.GetRawText();
        var excerpt = raw.Length <= 40 ? raw : raw[..37] + "...";
        return $"{value.ValueKind.ToString().ToLowerInvariant()} {excerpt}";
    }
}
