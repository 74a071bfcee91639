namespace PrefSharp.Core.Gym.Worlds;

/// <summary>Lenient word splitting for the gym's word worlds: lower case, split on whitespace and punctuation.</summary>
public static class ResponseTokens
{
    private static readonly char[] Separators = [' ', '\t', '\n', '\r', ',', '.', ';', ':', '!', '?'];

    /// <summary>The words of <paramref name="text"/>, lower-cased; empty for null or blank text.</summary>
    public static string[] Words(string? text) => string.IsNullOrWhiteSpace(text)
        ? []
        : text.ToLowerInvariant().Split(Separators, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>How many tokens repeat an earlier one: L − (number of distinct tokens).</summary>
    public static int Repeats(IReadOnlyCollection<string> words) => words.Count - words.Distinct().Count();

    /// <summary>The number of distinct <paramref name="words"/> that are in <paramref name="set"/>.</summary>
    public static int DistinctIn(IEnumerable<string> words, IReadOnlySet<string> set) => words.Where(set.Contains).Distinct().Count();

    /// <summary>A uniformly drawn element.</summary>
    public static string Pick(IReadOnlyList<string> words, Random random) => words[random.Next(words.Count)];
}
