using System.Text.RegularExpressions;

namespace PrefSharp.Torch.Tokenization;

/// <summary>Regular expressions that split text into words before BPE merges (merges never cross a word).</summary>
public static class PreTokenizerPatterns
{
    /// <summary>
    /// GPT-2's split (Radford et al. 2019, <c>encoder.py</c>): English contractions, an optional space followed by
    /// letters, digits or other symbols, then runs of whitespace (the last space of a run goes with the next word).
    /// </summary>
    public const string Gpt2 = @"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+";

    /// <summary>The compiled GPT-2 split.</summary>
    public static readonly Regex Gpt2Regex = new(Gpt2, RegexOptions.Compiled | RegexOptions.CultureInvariant);

    /// <summary>The pieces of <paramref name="text"/> matched by <paramref name="pattern"/>, in order (together they are the text).</summary>
    public static IEnumerable<string> Split(Regex pattern, string text)
    {
        var position = 0;
        foreach (Match match in pattern.Matches(text))
        {
            if (match.Length == 0) continue;
            if (match.Index > position) yield return text[position..match.Index];  // never for GPT-2: it matches everything
            yield return match.Value;
            position = match.Index + match.Length;
        }
        if (position < text.Length) yield return text[position..];
    }
}
