using System.Text;

namespace PrefSharp.Torch.Tokenization.Unicode;

/// <summary>
/// Unicode normalization forms NFC and NFKC (UAX #15, sections 3 and 10: decompose, put combining marks in canonical
/// order, recompose primary composites; Hangul by the arithmetic of the Unicode Standard, section 3.12), from tables
/// shipped with PrefSharp (<see cref="NormalizationTables"/>). <see cref="string.Normalize()"/> is not used: under
/// InvariantGlobalization it leaves non-ASCII text unchanged, and with ICU its answer follows the machine's ICU
/// version, so token ids would depend on the machine. Unpaired surrogates pass through unchanged.
/// </summary>
public static class UnicodeNormalizer
{
    private const int SBase = 0xAC00, LBase = 0x1100, VBase = 0x1161, TBase = 0x11A7;
    private const int LCount = 19, VCount = 21, TCount = 28, NCount = VCount * TCount, SCount = LCount * NCount;

    /// <summary>The Unicode version of the tables.</summary>
    public static string UnicodeVersion => NormalizationTables.Shared.UnicodeVersion;

    /// <summary>Canonical decomposition followed by canonical composition.</summary>
    public static string Nfc(string text) => Normalize(text, compatible: false);

    /// <summary>Compatibility decomposition followed by canonical composition.</summary>
    public static string Nfkc(string text) => Normalize(text, compatible: true);

    private static string Normalize(string text, bool compatible)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Below U+0300 every character is NFC already; below U+00A0 NFKC too.
        var stable = compatible ? '\u00A0' : '\u0300';
        if (text.All(c => c < stable)) return text;
        var tables = NormalizationTables.Shared;
        var codePoints = Decompose(text, compatible, tables);
        SortMarks(codePoints, tables);
        return Write(Compose(codePoints, tables));
    }

    private static List<int> Decompose(string text, bool compatible, NormalizationTables tables)
    {
        var result = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            int codePoint = text[i];
            if (char.IsSurrogatePair(text, i)) codePoint = char.ConvertToUtf32(text[i], text[++i]);
            if (codePoint is >= SBase and < SBase + SCount)
            {
                var index = codePoint - SBase;
                result.Add(LBase + index / NCount);
                result.Add(VBase + index % NCount / TCount);
                if (index % TCount != 0) result.Add(TBase + index % TCount);
            }
            else if (tables.Decomposition(codePoint, compatible) is { } parts) result.AddRange(parts);
            else result.Add(codePoint);
        }
        return result;
    }

    /// <summary>Canonical ordering: a stable sort of each run of non-starters by combining class.</summary>
    private static void SortMarks(List<int> codePoints, NormalizationTables tables)
    {
        for (var i = 1; i < codePoints.Count; i++)
        {
            var current = codePoints[i];
            var currentClass = tables.CombiningClass(current);
            if (currentClass == 0) continue;
            var j = i;
            while (j > 0 && tables.CombiningClass(codePoints[j - 1]) > currentClass)
            {
                codePoints[j] = codePoints[j - 1];
                j--;
            }
            codePoints[j] = current;
        }
    }

    /// <summary>Canonical composition: each character joins the last starter unless a character between blocks it.</summary>
    private static List<int> Compose(List<int> codePoints, NormalizationTables tables)
    {
        var output = new List<int>(codePoints.Count);
        var starter = -1;
        var lastClass = 0;
        foreach (var codePoint in codePoints)
        {
            var combiningClass = tables.CombiningClass(codePoint);
            if (starter >= 0)
            {
                var adjacent = starter == output.Count - 1;
                if ((adjacent || lastClass != 0 && lastClass < combiningClass) && TryCompose(output[starter], codePoint, tables, out var composite))
                {
                    output[starter] = composite;
                    continue;
                }
            }
            if (combiningClass == 0) starter = output.Count;
            lastClass = combiningClass;
            output.Add(codePoint);
        }
        return output;
    }

    private static bool TryCompose(int first, int second, NormalizationTables tables, out int composite)
    {
        if (first is >= LBase and < LBase + LCount && second is >= VBase and < VBase + VCount)
        {
            composite = SBase + ((first - LBase) * VCount + second - VBase) * TCount;
            return true;
        }
        if (first is >= SBase and < SBase + SCount && (first - SBase) % TCount == 0 && second is > TBase and < TBase + TCount)
        {
            composite = first + second - TBase;
            return true;
        }
        return tables.TryCompose(first, second, out composite);
    }

    private static string Write(List<int> codePoints)
    {
        var text = new StringBuilder(codePoints.Count);
        foreach (var codePoint in codePoints)
        {
            if (codePoint is >= 0xD800 and <= 0xDFFF) text.Append((char)codePoint);
            else text.Append(char.ConvertFromUtf32(codePoint));
        }
        return text.ToString();
    }
}
