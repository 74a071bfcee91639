namespace PrefSharp.Torch.Tokenization;

/// <summary>
/// An ordered list of BPE merge rules (Sennrich et al. 2016, §3.2 Algorithm 1, applied at test time): a word, split
/// into symbols, is rewritten by repeatedly merging the adjacent pair whose rule comes first in the list, every
/// occurrence of it from left to right, until no adjacent pair has a rule.
/// </summary>
public sealed class BpeMerges
{
    private readonly Dictionary<(string Left, string Right), int> ranks;

    public BpeMerges(IEnumerable<(string Left, string Right)> rules)
    {
        Rules = [.. rules];
        ranks = new Dictionary<(string, string), int>(Rules.Count);
        for (var rank = 0; rank < Rules.Count; rank++) ranks.TryAdd(Rules[rank], rank);
    }

    /// <summary>The rules in order of priority.</summary>
    public IReadOnlyList<(string Left, string Right)> Rules { get; }

    /// <summary>The merged symbols of a word given as <paramref name="symbols"/> (rewritten in place and returned).</summary>
    public List<string> Apply(List<string> symbols)
    {
        while (symbols.Count > 1)
        {
            var best = int.MaxValue;
            (string, string) bestPair = default;
            for (var i = 0; i + 1 < symbols.Count; i++)
            {
                if (ranks.TryGetValue((symbols[i], symbols[i + 1]), out var rank) && rank < best)
                {
                    best = rank;
                    bestPair = (symbols[i], symbols[i + 1]);
                }
            }
            if (best == int.MaxValue) break;
            var merged = new List<string>(symbols.Count);
            for (var i = 0; i < symbols.Count; i++)
            {
                if (i + 1 < symbols.Count && (symbols[i], symbols[i + 1]) == bestPair)
                {
                    merged.Add(symbols[i] + symbols[i + 1]);
                    i++;
                }
                else merged.Add(symbols[i]);
            }
            symbols = merged;
        }
        return symbols;
    }
}
