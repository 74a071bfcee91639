using System.Text;

namespace PrefSharp.Torch.Tokenization;

public sealed partial class HuggingFaceTokenizer
{
    /// <summary>Ids of <paramref name="text"/>: non-special added tokens are recognised, special ones are not (see the class remarks).</summary>
    public IReadOnlyList<int> Encode(string text) => EncodeSegments(text, includeSpecial: false);

    /// <summary>Ids of template text: every added token, special or not, becomes its single id.</summary>
    public IReadOnlyList<int> EncodeWithSpecialTokens(string text) => EncodeSegments(text, includeSpecial: true);

    private List<int> EncodeSegments(string text, bool includeSpecial)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = new List<int>();
        var candidates = includeSpecial ? addedLongestFirst : plainAddedLongestFirst;
        var start = 0;
        var position = 0;
        while (position < text.Length)
        {
            var match = !addedFirstChars.Contains(text[position]) ? null
                : candidates.FirstOrDefault(a => string.CompareOrdinal(text, position, a.Content, 0, a.Content.Length) == 0);
            if (match is null) { position++; continue; }
            EncodeText(text[start..position], start == 0, ids);
            ids.Add(match.Id);
            position += match.Content.Length;
            start = position;
        }
        EncodeText(text[start..], start == 0, ids);
        return ids;
    }

    /// <summary>Normalizes, splits into words and merges each word.</summary>
    private void EncodeText(string text, bool first, List<int> ids)
    {
        if (text.Length == 0) return;
        foreach (var word in pipeline.Words(text, first))
        {
            if (ignoreMerges && vocabulary.TryGetValue(word, out var whole)) { ids.Add(whole); continue; }
            if (wordCache.TryGetValue(word, out var cached)) { ids.AddRange(cached); continue; }
            var wordIds = new List<int>();
            foreach (var symbol in merges.Apply(Symbols(word))) AddSymbol(symbol, wordIds);
            if (wordCache.Count < MaxCachedWords) wordCache.TryAdd(word, [.. wordIds]);
            ids.AddRange(wordIds);
        }
    }

    /// <summary>The word's characters (a surrogate pair stays one symbol, as Rust's chars do).</summary>
    private static List<string> Symbols(string word)
    {
        var symbols = new List<string>(word.Length);
        for (var i = 0; i < word.Length; i += char.IsSurrogatePair(word, i) ? 2 : 1)
            symbols.Add(char.IsSurrogatePair(word, i) ? word.Substring(i, 2) : word[i].ToString());
        return symbols;
    }

    private void AddSymbol(string symbol, List<int> ids)
    {
        if (vocabulary.TryGetValue(symbol, out var id)) { ids.Add(id); return; }
        if (byteFallback)
        {
            foreach (var value in Encoding.UTF8.GetBytes(symbol))
            {
                var name = $"<0x{value:X2}>";
                ids.Add(vocabulary.TryGetValue(name, out var byteId) ? byteId
                    : throw new InvalidDataException($"byte_fallback is on but the vocabulary has no {name}"));
            }
            return;
        }
        if (unknownToken is not null && vocabulary.TryGetValue(unknownToken, out var unknownId)) { ids.Add(unknownId); return; }
        throw new ArgumentException(
            $"\"{symbol}\" is not in the vocabulary and the tokenizer has neither byte_fallback nor an unk_token");
    }
}
