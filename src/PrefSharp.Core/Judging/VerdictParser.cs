using System.Globalization;
using System.Text.RegularExpressions;

namespace PrefSharp.Core.Judging;

/// <summary>
/// Reads verdicts out of free judge text. The last explicit verdict wins ("Verdict: A", "[[B]]", "tie"), so a judge
/// that reasons about both responses before deciding is read correctly; text without a verdict is an error that
/// quotes the text, never a silent tie.
/// </summary>
public static partial class VerdictParser
{
    /// <summary>1 for A, 0 for B, 0.5 for a tie.</summary>
    public static double Pairwise(string text)
    {
        var matches = VerdictPattern().Matches(text);
        if (matches.Count == 0)
        {
            var bare = text.Trim().Trim('.', '*', '"', '\'', '[', ']', '`').Trim();
            if (bare.Length > 0 && Value(bare) is { } single) return single;
            throw new JudgeException($"no pairwise verdict (A, B or tie) in the judge's answer: \"{Excerpt(text)}\"");
        }
        return Value(matches[^1].Groups["v"].Value) ?? throw new JudgeException($"unreadable verdict in \"{Excerpt(text)}\"");
    }

    /// <summary>The last "Score: N" (or "N/10", or a bare number) in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static double Score(string text, double min = 1, double max = 10)
    {
        var matches = ScorePattern().Matches(text);
        var candidates = matches.Count > 0 ? matches.Select(m => m.Groups["n"].Value) : NumberPattern().Matches(text).Select(m => m.Value);
        foreach (var candidate in candidates.Reverse())
            if (double.TryParse(candidate, NumberStyles.Float, CultureInfo.InvariantCulture, out var score) && score >= min && score <= max)
                return score;
        throw new JudgeException($"no score in [{min}, {max}] in the judge's answer: \"{Excerpt(text)}\"");
    }

    private static double? Value(string verdict) => verdict.ToLowerInvariant() switch
    {
        "a" => 1.0,
        "b" => 0.0,
        "tie" or "c" or "draw" => 0.5,
        _ => null,
    };

    private static string Excerpt(string text) => text.Length <= 200 ? text : text[..200] + "…";

    [GeneratedRegex(@"(?:verdict\s*[:=]?\s*\**\s*\[{0,2}|\[\[)(?<v>A|B|C|tie|draw)\b", RegexOptions.IgnoreCase)]
    private static partial Regex VerdictPattern();

    [GeneratedRegex(@"(?:score\s*[:=]?\s*\**\s*(?<n>\d+(?:\.\d+)?))|(?:(?<n>\d+(?:\.\d+)?)\s*/\s*10\b)", RegexOptions.IgnoreCase)]
    private static partial Regex ScorePattern();

    [GeneratedRegex(@"\d+(?:\.\d+)?")]
    private static partial Regex NumberPattern();
}
