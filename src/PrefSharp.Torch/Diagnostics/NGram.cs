namespace PrefSharp.Torch.Diagnostics;

/// <summary>An n-gram as a window onto a token list, with value equality over its tokens.</summary>
internal readonly struct NGram<T> : IEquatable<NGram<T>> where T : IEquatable<T>
{
    private readonly IReadOnlyList<T> _tokens;
    private readonly int _start;
    private readonly int _length;

    public NGram(IReadOnlyList<T> tokens, int start, int length) => (_tokens, _start, _length) = (tokens, start, length);

    public bool Equals(NGram<T> other)
    {
        if (_length != other._length) return false;
        for (var i = 0; i < _length; i++)
            if (!_tokens[_start + i].Equals(other._tokens[other._start + i])) return false;
        return true;
    }

    public override bool Equals(object? obj) => obj is NGram<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        for (var i = 0; i < _length; i++) hash.Add(_tokens[_start + i]);
        return hash.ToHashCode();
    }

    /// <summary>Counts of every n-gram of <paramref name="tokens"/>.</summary>
    public static Dictionary<NGram<T>, int> Counts(IReadOnlyList<T> tokens, int n)
    {
        var counts = new Dictionary<NGram<T>, int>();
        for (var start = 0; start + n <= tokens.Count; start++)
        {
            var gram = new NGram<T>(tokens, start, n);
            counts[gram] = counts.GetValueOrDefault(gram) + 1;
        }
        return counts;
    }

    /// <summary>Texts split on white space.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Words(IReadOnlyList<string> texts) =>
        [.. texts.Select(t => (IReadOnlyList<string>)t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))];
}
