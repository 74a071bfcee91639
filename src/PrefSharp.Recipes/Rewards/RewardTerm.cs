using System.Globalization;

namespace PrefSharp.Recipes.Rewards;

/// <summary>
/// One <c>--reward SPEC[@WEIGHT]</c>: a reward source (<see cref="RewardSourceSpec"/>) and its weight w in the composite
/// reward (default 1). The weight follows the last '@' when that parses as a number, so URLs with '@' stay intact.
/// </summary>
public sealed record RewardTerm(string Spec, double Weight)
{
    /// <summary>"gym:lexicon@0.7" → (gym:lexicon, 0.7); "rm:runs/rm" → (rm:runs/rm, 1).</summary>
    public static RewardTerm Parse(string text, string option = "--reward")
    {
        var at = text.LastIndexOf('@');
        if (at <= 0 || !double.TryParse(text[(at + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var weight)) return new(text, 1.0);
        if (!double.IsFinite(weight)) throw new ArgumentException($"{option} {text}: the weight must be a finite number, found {text[(at + 1)..]}", option);
        return new(text[..at], weight);
    }
}
