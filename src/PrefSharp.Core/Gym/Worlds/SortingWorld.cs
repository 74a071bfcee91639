namespace PrefSharp.Core.Gym.Worlds;

/// <summary>
/// Sorting digits, a task with graded correctness. The prompt is 3–6 random digits ("3141"); the ideal response is
/// the same digits in ascending order ("1134"). With t the sorted prompt digits (n of them) and s the response with
/// whitespace removed (m characters; anything not a digit simply never matches):
/// <code>
/// P = #{ i &lt; min(n, m) : s_i = t_i } / n            (positional accuracy)
/// M = |multiset(s) ∩ multiset(t)| / max(n, m)      (content: penalises missing, extra and wrong characters)
/// u = (P + M) / 2  ∈ [0, 1]
/// </code>
/// The exact sort scores 1, a copy of the unsorted prompt scores between ½ and 1, garbage and the empty string 0.
/// </summary>
public sealed class SortingWorld : IWorld
{
    public string Name => "sorting";

    public string Description => "sort 3–6 digits (\"3141\" → \"1134\"); graded correctness: positional accuracy and content overlap";

    public string SamplePrompt(Random random)
    {
        var length = random.Next(3, 7);
        return string.Concat(Enumerable.Range(0, length).Select(_ => (char)('0' + random.Next(10))));
    }

    public string Demonstrate(string prompt, double quality, Random random)
    {
        var digits = Target(prompt).ToList();
        var corruptions = (int)Math.Round((1 - Math.Clamp(quality, 0, 1)) * Math.Max(digits.Count, 1));
        for (var c = 0; c < corruptions; c++) Corrupt(digits, random);
        if (digits.Count == 0) digits.Add((char)('0' + random.Next(10))); // responses are never empty
        return string.Concat(digits);
    }

    public double GoldUtility(string prompt, string response)
    {
        var target = Target(prompt);
        var answer = new string((response ?? "").Where(ch => !char.IsWhiteSpace(ch)).ToArray());
        var n = target.Length;
        var m = answer.Length;
        if (n == 0) return m == 0 ? 1 : 0; // a prompt without digits: only the empty answer is right
        var positional = Enumerable.Range(0, Math.Min(n, m)).Count(i => answer[i] == target[i]) / (double)n;
        var content = MultisetOverlap(answer, target) / (double)Math.Max(n, m);
        return (positional + content) / 2;
    }

    /// <summary>The prompt's digits in ascending order (other characters are ignored).</summary>
    public static string Target(string? prompt) => new((prompt ?? "").Where(char.IsAsciiDigit).Order().ToArray());

    private static int MultisetOverlap(string a, string b)
    {
        var counts = new int[10];
        foreach (var ch in b) counts[ch - '0']++;
        var overlap = 0;
        foreach (var ch in a)
        {
            if (!char.IsAsciiDigit(ch) || counts[ch - '0'] == 0) continue;
            counts[ch - '0']--;
            overlap++;
        }
        return overlap;
    }

    /// <summary>One random error: swap two neighbours, replace, drop or duplicate a digit.</summary>
    private static void Corrupt(List<char> digits, Random random)
    {
        var operation = random.Next(4);
        if (digits.Count == 0) operation = 3;
        var i = random.Next(Math.Max(digits.Count, 1));
        switch (operation)
        {
            case 0 when digits.Count >= 2:
                var j = i == digits.Count - 1 ? i - 1 : i + 1;
                (digits[i], digits[j]) = (digits[j], digits[i]);
                break;
            case 0 or 1:
                digits[i] = (char)('0' + random.Next(10));
                break;
            case 2:
                digits.RemoveAt(i);
                break;
            default:
                digits.Insert(Math.Min(i, digits.Count), digits.Count == 0 ? (char)('0' + random.Next(10)) : digits[i]);
                break;
        }
    }
}
