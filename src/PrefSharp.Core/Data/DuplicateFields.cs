using System.Text.Json;

namespace PrefSharp.Core.Data;

/// <summary>Finds a field that an object of a JSON record names twice (which <see cref="JsonDocument"/> accepts unless told not to).</summary>
internal static class DuplicateFields
{
    /// <summary>The path of the first repeated field (<c>name</c> or <c>outer.name</c>), or null when the JSON is malformed for another reason or has none.</summary>
    public static string? Find(ReadOnlyMemory<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return Find(document.RootElement, null);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Find(JsonElement element, string? path)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                if (Find(item, $"{path}[{index++}]") is { } found)
                {
                    return found;
                }
            }
        }
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var name = path is null ? property.Name : $"{path}.{property.Name}";
            if (!names.Add(property.Name))
            {
                return name;
            }
            if (Find(property.Value, name) is { } found)
            {
                return found;
            }
        }
        return null;
    }
}
