namespace PrefSharp.Torch.Tokenization;

/// <summary>
/// Learns a byte-level BPE vocabulary (Sennrich et al. 2016, §3.1 Algorithm 1; on bytes as in Radford et al. 2019,
/// §2.2): split the text into words with the GPT-2 pattern, write each word as its UTF-8 bytes, count words, then
/// repeatedly merge the most frequent adjacent pair of symbols (counted over all words, weighted by word count) into
/// a new symbol until the vocabulary has the requested size. Ties go to the pair whose (left, right) strings come
/// first in ordinal order, so training is deterministic. Ids: 0..255 the bytes (id = byte value), then the merged
/// tokens in the order they were created, then the special tokens.
/// </summary>
public static class BpeTrainer
{
    /// <summary>Trains on <paramref name="texts"/>.</summary>
    public static TrainedBpe Train(IEnumerable<string> texts, BpeTrainerOptions options)
    {
        options.Validate();
        var wordCounts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var text in texts)
            foreach (var word in PreTokenizerPatterns.Split(PreTokenizerPatterns.Gpt2Regex, text))
            {
                var mapped = ByteUnicodeMap.Encode(word);
                wordCounts[mapped] = wordCounts.GetValueOrDefault(mapped) + 1;
            }
        var state = new BpePairCounts(wordCounts.OrderBy(p => p.Key, StringComparer.Ordinal));
        var merges = new List<(string, string)>();
        var targetTokens = options.VocabularySize - options.SpecialTokens.Count;
        while (state.TokenCount < targetTokens)
        {
            var best = state.MostFrequentPair();
            if (best is not { } pair || state.Count(pair) < options.MinFrequency) break;
            merges.Add((state.Token(pair.Left), state.Token(pair.Right)));
            state.Merge(pair);
        }
        return new TrainedBpe(merges, state.Tokens, options.SpecialTokens);
    }
}
