using System.Text.RegularExpressions;
using PrefSharp.Core.Judging;

namespace PrefSharp.Evaluation.Judging;

/// <summary>
/// A judge's verdict on one ordered question: who won (<see cref="FirstWins"/>: 1 for A, 0 for B, 0.5 for a tie) and
/// whether the judge said so strongly. Arena-Hard's five labels (<c>[[A&gt;&gt;B]]</c>, <c>[[A&gt;B]]</c>,
/// <c>[[A=B]]</c>, <c>[[B&gt;A]]</c>, <c>[[B&gt;&gt;A]]</c>, read with arena-hard-auto's pattern
/// <c>\[\[([AB&lt;&gt;=]+)\]\]</c>) come first; otherwise the plain A/B/tie preference of <see cref="VerdictParser.Pairwise"/>.
/// </summary>
public sealed partial record Verdict(double FirstWins, bool Strong, string Label)
{
    /// <summary>"strong" or "slight" for Arena-Hard labels, "tie" for a tie, "preference" for a plain A or B.</summary>
    public string Strength => Strong ? "strong" : FirstWins == 0.5 ? "tie" : Label.Contains('>') ? "slight" : "preference";

    /// <summary>The verdict in <paramref name="text"/>, or null when it holds none (counted as unparseable, never guessed).</summary>
    public static Verdict? Parse(string text)
    {
        var labels = ArenaLabel().Matches(text).Select(m => Five(m.Groups[1].Value)).OfType<Verdict>().Distinct().ToList();
        if (labels.Count > 1) return null;  // contradicting labels: arena-hard-auto's get_score also returns none
        if (labels.Count == 1) return labels[0];
        try
        {
            var first = VerdictParser.Pairwise(text);
            return new Verdict(first, false, first switch { 1 => "A", 0 => "B", _ => "tie" });
        }
        catch (JudgeException)
        {
            return null;
        }
    }

    private static Verdict? Five(string label) => label switch
    {
        "A>>B" => new Verdict(1, true, label),
        "A>B" => new Verdict(1, false, label),
        "A=B" => new Verdict(0.5, false, label),
        "B>A" => new Verdict(0, false, label),
        "B>>A" => new Verdict(0, true, label),
        _ => null,
    };

    [GeneratedRegex(@"\[\[([AB<>=]+)\]\]")]
    private static partial Regex ArenaLabel();
}
