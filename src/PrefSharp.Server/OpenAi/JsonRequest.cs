using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace PrefSharp.Server.OpenAi;

/// <summary>
/// A request body read as a JSON object, with typed accessors that refuse a wrong type or an out-of-range value with
/// a 400 naming the field. A field that is absent or <c>null</c> takes its default, as in OpenAI's API.
/// </summary>
internal sealed class JsonRequest(JsonElement root)
{
    /// <summary>Parses the body (the server's body limit applies); malformed JSON throws <see cref="JsonException"/>.</summary>
    public static async Task<JsonRequest> ReadAsync(HttpContext context)
    {
        using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
            throw new ApiException(400, $"the body must be a JSON object, found {document.RootElement.ValueKind}", code: "invalid_json");
        return new JsonRequest(document.RootElement.Clone());
    }

    /// <summary>The field's value, or null when absent or null.</summary>
    public JsonElement? Field(string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public string RequiredString(string name) =>
        String(name) ?? throw new ApiException(400, $"{name}: required", name, "missing_required_parameter");

    public string? String(string name) => Field(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        { } other => throw ApiException.Invalid(name, $"must be a string, found {other.ValueKind}"),
    };

    public double Number(string name, double fallback, double min, double max)
    {
        if (Field(name) is not { } value) return fallback;
        if (value.ValueKind != JsonValueKind.Number) throw ApiException.Invalid(name, $"must be a number, found {value.ValueKind}");
        var number = value.GetDouble();
        return number >= min && number <= max ? number : throw ApiException.Invalid(name, $"must be in [{min}, {max}], found {number}");
    }

    public int? Integer(string name, int min, int max)
    {
        if (Field(name) is not { } value) return null;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
            throw ApiException.Invalid(name, $"must be an integer, found {value}");
        return number >= min && number <= max ? (int)number : throw ApiException.Invalid(name, $"must be in [{min}, {max}], found {number}");
    }

    public long? Long(string name)
    {
        if (Field(name) is not { } value) return null;
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number
            : throw ApiException.Invalid(name, $"must be an integer, found {value}");
    }

    public bool Bool(string name) => Field(name) switch
    {
        null => false,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { } other => throw ApiException.Invalid(name, $"must be true or false, found {other.ValueKind}"),
    };

    /// <summary>A string or an array of strings, as <c>stop</c>, <c>prompt</c>, <c>text_1</c> take.</summary>
    public IReadOnlyList<string> Strings(string name, int maxCount)
    {
        if (Field(name) is not { } value) return [];
        if (value.ValueKind == JsonValueKind.String) return [value.GetString()!];
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(item => item.ValueKind != JsonValueKind.String))
            throw ApiException.Invalid(name, "must be a string or an array of strings");
        var items = value.EnumerateArray().Select(item => item.GetString()!).ToList();
        return items.Count <= maxCount ? items : throw ApiException.Invalid(name, $"at most {maxCount} items, found {items.Count}");
    }
}
