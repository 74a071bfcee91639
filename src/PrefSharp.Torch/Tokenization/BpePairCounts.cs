namespace PrefSharp.Torch.Tokenization;

/// <summary>
/// The training state of <see cref="BpeTrainer"/>: each distinct word as a list of symbol ids with its count, the
/// count of every adjacent pair, and which words contain it, so that a merge only revisits the words it changes.
/// </summary>
internal sealed class BpePairCounts
{
    private readonly List<List<int>> words = [];
    private readonly List<long> wordCounts = [];
    private readonly List<string> tokens = [];
    private readonly Dictionary<string, int> tokenIds = new(StringComparer.Ordinal);
    private readonly Dictionary<(int Left, int Right), long> pairCounts = [];
    private readonly Dictionary<(int Left, int Right), HashSet<int>> pairWords = [];

    public BpePairCounts(IEnumerable<KeyValuePair<string, long>> counts)
    {
        for (var b = 0; b < ByteLevelTokenizer.ByteCount; b++) AddToken(ByteUnicodeMap.ToChar((byte)b).ToString());
        foreach (var (word, count) in counts)
        {
            var index = words.Count;
            words.Add([.. word.Select(c => tokenIds[c.ToString()])]);
            wordCounts.Add(count);
            CountPairs(index, +1);
        }
    }

    /// <summary>Distinct tokens so far (bytes and merged symbols).</summary>
    public int TokenCount => tokens.Count;

    /// <summary>Token strings by id.</summary>
    public IReadOnlyList<string> Tokens => tokens;

    public string Token(int id) => tokens[id];

    public long Count((int Left, int Right) pair) => pairCounts.GetValueOrDefault(pair);

    /// <summary>The pair with the highest count; ties to the smallest (left, right) strings in ordinal order.</summary>
    public (int Left, int Right)? MostFrequentPair()
    {
        (int Left, int Right)? best = null;
        long bestCount = 0;
        foreach (var (pair, count) in pairCounts)
        {
            if (count < bestCount || count == bestCount && best is { } current && !OrdinalLess(pair, current)) continue;
            best = pair;
            bestCount = count;
        }
        return best;
    }

    /// <summary>Replaces every occurrence of <paramref name="pair"/> (left to right) by one new symbol.</summary>
    public void Merge((int Left, int Right) pair)
    {
        var merged = tokens[pair.Left] + tokens[pair.Right];
        var mergedId = tokenIds.TryGetValue(merged, out var existing) ? existing : AddToken(merged);
        foreach (var index in pairWords.GetValueOrDefault(pair)?.ToList() ?? [])
        {
            CountPairs(index, -1);
            var symbols = words[index];
            var rewritten = new List<int>(symbols.Count);
            for (var i = 0; i < symbols.Count; i++)
            {
                if (i + 1 < symbols.Count && symbols[i] == pair.Left && symbols[i + 1] == pair.Right) { rewritten.Add(mergedId); i++; }
                else rewritten.Add(symbols[i]);
            }
            words[index] = rewritten;
            CountPairs(index, +1);
        }
        pairWords.Remove(pair);
    }

    private int AddToken(string token)
    {
        tokenIds[token] = tokens.Count;
        tokens.Add(token);
        return tokens.Count - 1;
    }

    private void CountPairs(int index, int sign)
    {
        var symbols = words[index];
        for (var i = 0; i + 1 < symbols.Count; i++)
        {
            var pair = (symbols[i], symbols[i + 1]);
            var count = pairCounts.GetValueOrDefault(pair) + sign * wordCounts[index];
            if (count == 0) pairCounts.Remove(pair);
            else pairCounts[pair] = count;
            if (sign > 0)
            {
                if (!pairWords.TryGetValue(pair, out var set)) pairWords[pair] = set = [];
                set.Add(index);
            }
        }
    }

    private bool OrdinalLess((int Left, int Right) a, (int Left, int Right) b)
    {
        var left = string.CompareOrdinal(tokens[a.Left], tokens[b.Left]);
        return left < 0 || left == 0 && string.CompareOrdinal(tokens[a.Right], tokens[b.Right]) < 0;
    }
}
