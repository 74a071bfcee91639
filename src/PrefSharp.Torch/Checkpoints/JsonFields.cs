using System.Text.Json;
using System.Text.Json.Nodes;

namespace PrefSharp.Torch.Checkpoints;

/// <summary>Typed reads of optional fields of a JSON object; a wrong type is an <see cref="ArgumentException"/> naming the field.</summary>
internal sealed class JsonFields(JsonObject json, string source)
{
    public bool Has(string field) => json[field] is not null;

    public int Int(string field, int fallback) => (int)Long(field, fallback);

    public long Long(string field, long fallback) => NullableLong(field) ?? fallback;

    public long? NullableLong(string field)
    {
        var node = json[field];
        if (node is null) return null;
        if (node is JsonValue value && value.TryGetValue<JsonElement>(out var e) && e.ValueKind == JsonValueKind.Number
            && e.TryGetInt64(out var number))
            return number;
        if (node is JsonValue direct && direct.TryGetValue<long>(out var plain)) return plain;
        throw Wrong(field, "an integer", node);
    }

    public double Double(string field, double fallback)
    {
        var node = json[field];
        if (node is null) return fallback;
        if (node is JsonValue value && value.TryGetValue<double>(out var number)) return number;
        if (node is JsonValue element && element.TryGetValue<JsonElement>(out var e) && e.ValueKind == JsonValueKind.Number)
            return e.GetDouble();
        throw Wrong(field, "a number", node);
    }

    public bool Bool(string field, bool fallback)
    {
        var node = json[field];
        if (node is null) return fallback;
        if (node is JsonValue value && value.TryGetValue<bool>(out var flag)) return flag;
        throw Wrong(field, "true or false", node);
    }

    public string? String(string field)
    {
        var node = json[field];
        if (node is null) return null;
        if (node is JsonValue value && value.TryGetValue<string>(out var text)) return text;
        throw Wrong(field, "a string", node);
    }

    /// <summary>A token id given as a number or a list of numbers (as <c>eos_token_id</c> may be).</summary>
    public IReadOnlyList<long> LongList(string field, IReadOnlyList<long> fallback)
    {
        var node = json[field];
        if (node is null) return fallback;
        if (node is not JsonArray array) return [NullableLong(field)!.Value];
        var list = new List<long>();
        foreach (var item in array)
        {
            if (item is JsonValue value && value.TryGetValue<long>(out var id)) list.Add(id);
            else if (item is JsonValue element && element.TryGetValue<JsonElement>(out var e) && e.TryGetInt64(out var id2)) list.Add(id2);
            else throw Wrong(field, "a list of integers", node);
        }
        return list;
    }

    public JsonObject? Object(string field)
    {
        var node = json[field];
        return node switch
        {
            null => null,
            JsonObject obj => obj,
            _ => throw Wrong(field, "an object", node),
        };
    }

    private ArgumentException Wrong(string field, string expected, JsonNode found) =>
        new($"{source}: field '{field}' must be {expected}, found {found.ToJsonString()}", field);
}
