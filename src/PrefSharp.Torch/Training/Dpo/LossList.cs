using System.Globalization;
using PrefSharp.Torch.Losses.Preference;

namespace PrefSharp.Torch.Training.Dpo;

/// <summary>
/// Parses a loss list such as <c>sigmoid,sft:0.2</c>: comma-separated TRL-style names (snake case of
/// <see cref="PreferenceLossType"/>: sigmoid, hinge, ipo, exo_pair, sppo_hard, apo_zero, simpo, orpo, ld_dpo, …), each
/// with an optional <c>:weight</c> (default 1).
/// </summary>
public static class LossList
{
    /// <summary>The weighted losses of <paramref name="text"/>; an <see cref="ArgumentException"/> names a bad entry and the allowed names.</summary>
    public static IReadOnlyList<WeightedLoss> Parse(string text, string option = "--loss")
    {
        var entries = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (entries.Length == 0) throw new ArgumentException($"{option}: give at least one loss (e.g. sigmoid or sigmoid,sft:0.2)", option);
        return entries.Select(entry =>
        {
            var parts = entry.Split(':', 2);
            var name = parts[0].Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
            if (!Enum.TryParse<PreferenceLossType>(name, ignoreCase: true, out var type) || int.TryParse(name, out _))
                throw new ArgumentException($"{option}: unknown loss '{parts[0]}'; allowed: {string.Join(", ", Names)}", option);
            var weight = 1.0;
            if (parts.Length == 2 && !(double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out weight) && weight > 0 && double.IsFinite(weight)))
                throw new ArgumentException($"{option}: the weight of '{parts[0]}' must be a number > 0, found '{parts[1]}'", option);
            return new WeightedLoss(type, weight);
        }).ToList();
    }

    /// <summary>The accepted names (snake case).</summary>
    public static IEnumerable<string> Names => Enum.GetNames<PreferenceLossType>().Select(SnakeCase);

    private static string SnakeCase(string name) => string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
