using System.Text.Json;

namespace PrefSharp.Evaluation.Inputs;

/// <summary>The JSON reading the evaluation inputs share: one object per line, and fields with <c>file:line: field: problem</c> errors.</summary>
internal static class JsonFields
{
    /// <summary>The non-blank lines of a JSON-lines text, each a parsed object with its 1-based line number.</summary>
    public static IEnumerable<(int Line, JsonElement Item)> Lines(string path, string text, string expected)
    {
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            JsonElement item;
            try { item = JsonDocument.Parse(lines[i]).RootElement; }
            catch (JsonException) { throw new FormatException($"{path}:{i + 1}: not a JSON object; expected {expected}"); }
            if (item.ValueKind != JsonValueKind.Object) throw new FormatException($"{path}:{i + 1}: not a JSON object; expected {expected}");
            yield return (i + 1, item);
        }
    }

    /// <summary>The elements of a JSON array text.</summary>
    public static JsonElement.ArrayEnumerator Array(string path, string text)
    {
        JsonElement root;
        try { root = JsonDocument.Parse(text).RootElement; }
        catch (JsonException error) { throw new FormatException($"{path}:{error.LineNumber + 1}: not valid JSON: {error.Message.Split('.')[0]}"); }
        return root.EnumerateArray();
    }

    public static string FirstTurn(JsonElement item, string where) =>
        item.TryGetProperty("turns", out var turns) && turns.ValueKind == JsonValueKind.Array && turns.GetArrayLength() > 0
            ? Text(turns[0], "content", $"{where}: turns[0]")
            : throw new FormatException($"{where}: turns: missing or empty; expected [{{content}}]");

    public static string Id(JsonElement item, string field, string where) =>
        item.TryGetProperty(field, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? value.ToString() : throw new FormatException($"{where}: {field}: missing; expected a string or number");

    public static string Text(JsonElement item, string field, string where) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()! : throw new FormatException($"{where}: {field}: missing or not a string; expected text");
}
