using System.Text.Json;
using System.Text.Json.Nodes;

namespace PrefSharp.Core.Data;

/// <summary>
/// Reads per-attribute ratings (multi-objective reward data, ArmoRM stage 1) from JSONL (optionally .gz): one object
/// per line with <c>"prompt"</c>, <c>"response"</c> (or <c>"completion"</c>) and a number per objective, either at the
/// top level or inside <c>"ratings"</c>; a missing or null objective is unrated. Errors are <c>file:line: field: …</c>.
/// </summary>
public static class RatingFileReader
{
    /// <summary>Every record of <paramref name="path"/>, ratings in the order of <paramref name="objectives"/>.</summary>
    public static List<RatingRecord> Read(string path, IReadOnlyList<string> objectives)
    {
        if (objectives.Count == 0) throw new ArgumentException("--objectives: name at least one rating field");
        var records = new List<RatingRecord>();
        using var reader = new StreamReader(InputFile.OpenDecompressed(path));
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var location = new SourceLocation(path, lineNumber);
            JsonObject json;
            try
            {
                json = JsonNode.Parse(line) as JsonObject ?? throw new DataFormatException(location, null, "not a JSON object", "one object per line");
            }
            catch (JsonException e)
            {
                throw new DataFormatException(location, null, "invalid JSON", "one object per line", e.Message);
            }
            var prompt = Text(json, "prompt", location);
            var response = json.ContainsKey("response") ? Text(json, "response", location) : Text(json, "completion", location);
            var source = json["ratings"] as JsonObject ?? json;
            var ratings = objectives.Select(o => Rating(source, o, location)).ToArray();
            if (ratings.All(r => r is null))
                throw new DataFormatException(location, null, "no objective rated", $"a number for at least one of {string.Join(", ", objectives)}");
            records.Add(new RatingRecord(prompt, response, ratings));
        }
        if (records.Count == 0) throw new DataFormatException(new SourceLocation(path, 0), null, "no rated records", "JSONL with prompt, response and ratings");
        return records;
    }

    private static string Text(JsonObject json, string field, SourceLocation location) =>
        json[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text
            : throw new DataFormatException(location, field, json[field] is null ? "missing" : "not a string", "a string");

    private static double? Rating(JsonObject json, string objective, SourceLocation location)
    {
        var node = json[objective];
        if (node is null) return null;
        if (node is JsonValue value && value.TryGetValue<double>(out var rating) && double.IsFinite(rating)) return rating;
        throw new DataFormatException(location, objective, "not a finite number", "a number or null");
    }
}
