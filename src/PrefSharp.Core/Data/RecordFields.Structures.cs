using System.Text.Json;

namespace PrefSharp.Core.Data;

public sealed partial class RecordFields
{
    private const string PassageExpected = "a string or a list of {role, content} messages";

    public JsonElement Array(string name) => ArrayValue(Required(name, "a list"), name);

    public JsonElement ArrayValue(JsonElement value, string field) =>
        value.ValueKind == JsonValueKind.Array ? value : throw WrongType(field, value, "a list");

    public JsonElement ObjectValue(JsonElement value, string field) =>
        value.ValueKind == JsonValueKind.Object ? value : throw WrongType(field, value, "an object");

    /// <summary>A prompt or response: a string (standard) or a list of {role, content} messages (conversational).</summary>
    public Passage Passage(string name) => PassageValue(Required(name, PassageExpected), name);

    public Passage? OptionalPassage(string name) => TryGet(name, out var value) ? PassageValue(value, name) : null;

    public Passage PassageValue(JsonElement value, string field) => value.ValueKind switch
    {
        JsonValueKind.String => Data.Passage.FromText(value.GetString()!),
        JsonValueKind.Array => Data.Passage.FromMessages(Messages(value, field, "role", "content", static role => role)),
        _ => throw WrongType(field, value, PassageExpected),
    };

    /// <summary>A list of messages with the given key names (role/content, or ShareGPT's from/value), roles mapped by <paramref name="mapRole"/>.</summary>
    public Message[] Messages(JsonElement list, string field, string roleKey, string contentKey, Func<string, string> mapRole)
    {
        var messages = new Message[list.GetArrayLength()];
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            messages[index] = MessageValue(item, $"{field}[{index}]", roleKey, contentKey, mapRole);
            index++;
        }
        return messages;
    }

    public Message MessageValue(JsonElement item, string field, string roleKey, string contentKey, Func<string, string> mapRole)
    {
        var expected = $"an object with string fields \"{roleKey}\" and \"{contentKey}\"";
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw WrongType(field, item, expected);
        }
        if (!item.TryGetProperty(roleKey, out var role) || !item.TryGetProperty(contentKey, out var content))
        {
            throw Error(field, Problems.MissingField, expected, $"no \"{(item.TryGetProperty(roleKey, out _) ? contentKey : roleKey)}\"");
        }
        return new Message(mapRole(StringValue(role, $"{field}.{roleKey}")), StringValue(content, $"{field}.{contentKey}"));
    }

    /// <summary>
    /// An object of numbers (style covariates), or null when absent. A list of <c>{key, value}</c> objects (how
    /// Parquet stores a map) is read the same way.
    /// </summary>
    public IReadOnlyDictionary<string, double>? OptionalNumberMap(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }
        var map = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (key, entry) in MapEntries(value, name))
        {
            map[key] = NumberValue(entry, $"{name}.{key}");
        }
        return map;
    }

    /// <summary>The entries of an object, or of a list of <c>{key, value}</c> objects.</summary>
    public IEnumerable<(string Key, JsonElement Value)> MapEntries(JsonElement value, string field)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            return value.EnumerateObject().Select(property => (property.Name, property.Value));
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw WrongType(field, value, "an object, or a list of {key, value}");
        }
        return value.EnumerateArray().Select((entry, index) =>
        {
            var itemField = $"{field}[{index}]";
            if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("key", out var key) || !entry.TryGetProperty("value", out var inner))
            {
                throw Error(itemField, Problems.WrongType, "an object {key, value}");
            }
            return (StringValue(key, itemField + ".key"), inner);
        });
    }
}
