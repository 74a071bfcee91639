using System.Text.Json;

namespace PrefSharp.Core.Data;

/// <summary>
/// Finds a string that a JSON escape made invalid UTF-16 (a lone surrogate such as <c>"\ud800"</c>), which JSON parsing
/// accepts but no text can hold. Only records whose bytes contain a <c>\ud</c> escape are walked.
/// </summary>
internal static class LoneSurrogates
{
    /// <summary>The top-level field holding such a string (<c>(field name)</c> for a name), or null when there is none.</summary>
    public static string? Find(ReadOnlySpan<byte> json, JsonElement root)
    {
        if (json.IndexOf("\\ud"u8) < 0 && json.IndexOf("\\uD"u8) < 0) return null;
        foreach (var property in root.EnumerateObject())
        {
            if (!Readable(property)) return "(field name)";
            if (!Valid(property.Value)) return property.Name;
        }
        return null;
    }

    private static bool Valid(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => Readable(element),
        JsonValueKind.Array => element.EnumerateArray().All(Valid),
        JsonValueKind.Object => element.EnumerateObject().All(p => Readable(p) && Valid(p.Value)),
        _ => true,
    };

    private static bool Readable(JsonElement text) => Decodes(() => text.GetString());

    private static bool Readable(JsonProperty property) => Decodes(() => property.Name);

    /// <summary>Whether reading the text succeeds: System.Text.Json throws InvalidOperationException for invalid UTF-16.</summary>
    private static bool Decodes(Func<string?> read)
    {
        try
        {
            _ = read();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
