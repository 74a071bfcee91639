using System.Globalization;

namespace PrefSharp.Core.Gym;

/// <summary>
/// Parses a panel of simulated annotators from text, as <c>prefsharp gym annotate --annotators</c> takes it:
/// annotators separated by ';', each <c>ID</c> or <c>ID:key=value,key=value</c> with keys
/// temperature, flip, tie, position, length (see <see cref="SimulatedAnnotator"/>) and group.
/// Example: <c>careful:temperature=0.2;noisy:flip=0.2,position=0.3;brief:group=concise</c>.
/// </summary>
public static class AnnotatorSpec
{
    public const string Keys = "temperature, flip, tie, position, length, group";

    /// <summary>The default panel: one Bradley–Terry annotator of temperature 1.</summary>
    public const string Default = "annotator-0:temperature=1";

    /// <summary>The annotators described by <paramref name="spec"/>; errors name <paramref name="option"/> and what is wrong.</summary>
    public static IReadOnlyList<SimulatedAnnotator> Parse(string spec, string option = "--annotators")
    {
        if (string.IsNullOrWhiteSpace(spec)) throw new ArgumentException($"{option}: empty; expected e.g. \"{Default}\"");
        var annotators = spec.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => ParseOne(part, option)).ToList();
        var duplicate = annotators.GroupBy(a => a.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"{option}: annotator id \"{duplicate.Key}\" appears twice; ids must be unique");
        foreach (var annotator in annotators) annotator.JudgeGap(0, new Random(0)); // validates the settings
        return annotators;
    }

    private static SimulatedAnnotator ParseOne(string part, string option)
    {
        var colon = part.IndexOf(':');
        var id = (colon < 0 ? part : part[..colon]).Trim();
        if (id.Length == 0) throw new ArgumentException($"{option}: \"{part}\" has no annotator id; expected ID or ID:key=value,…");
        var annotator = new SimulatedAnnotator(id);
        if (colon < 0) return annotator;
        foreach (var setting in part[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = setting.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length != 2) throw new ArgumentException($"{option}: \"{setting}\" in annotator {id} is not key=value (keys: {Keys})");
            annotator = pair[0].ToLowerInvariant() switch
            {
                "temperature" or "t" => annotator with { Temperature = Number(pair, id, option) },
                "flip" => annotator with { FlipRate = Number(pair, id, option) },
                "tie" => annotator with { TieMargin = Number(pair, id, option) },
                "position" => annotator with { PositionBias = Number(pair, id, option) },
                "length" => annotator with { LengthBias = Number(pair, id, option) },
                "group" => annotator with { Group = pair[1] },
                _ => throw new ArgumentException($"{option}: unknown key \"{pair[0]}\" in annotator {id}; expected one of {Keys}"),
            };
        }
        return annotator;
    }

    private static double Number(string[] pair, string id, string option) =>
        double.TryParse(pair[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new ArgumentException($"{option}: {pair[0]}=\"{pair[1]}\" in annotator {id} is not a number");
}
