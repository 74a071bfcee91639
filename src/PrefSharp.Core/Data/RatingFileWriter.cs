using System.Text;
using System.Text.Json.Nodes;

namespace PrefSharp.Core.Data;

/// <summary>Writes ratings as <see cref="RatingFileReader"/> reads them: JSONL {"prompt", "response", objective: value, …}, atomically.</summary>
public static class RatingFileWriter
{
    public static void Write(string path, IReadOnlyList<string> objectives, IEnumerable<(string Prompt, string Response, IReadOnlyList<double> Ratings)> records)
    {
        var text = new StringBuilder();
        foreach (var (prompt, response, ratings) in records)
        {
            var json = new JsonObject { ["prompt"] = prompt, ["response"] = response };
            for (var i = 0; i < objectives.Count; i++) json[objectives[i]] = ratings[i];
            text.Append(json.ToJsonString()).Append('\n');
        }
        AtomicFile.WriteAllText(path, text.ToString());
    }
}
