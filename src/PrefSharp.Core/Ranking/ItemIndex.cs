namespace PrefSharp.Core.Ranking;

/// <summary>
/// A dense numbering of item names (models, drivers) in order of first appearance: index ↔ name.
/// Fits work on the indices; leaderboards print the names.
/// </summary>
public sealed class ItemIndex
{
    private readonly Dictionary<string, int> _indexByName = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];

    public ItemIndex() { }

    /// <summary>An index over the given names, in the given order (duplicates are merged).</summary>
    public ItemIndex(IEnumerable<string> names)
    {
        foreach (string name in names) GetOrAdd(name);
    }

    public int Count => _names.Count;

    public IReadOnlyList<string> Names => _names;

    public string this[int index] => _names[index];

    /// <summary>The index of <paramref name="name"/>, adding it at the end when new.</summary>
    public int GetOrAdd(string name)
    {
        if (_indexByName.TryGetValue(name, out int index)) return index;
        index = _names.Count;
        _indexByName.Add(name, index);
        _names.Add(name);
        return index;
    }

    public bool TryGetIndex(string name, out int index) => _indexByName.TryGetValue(name, out index);

    /// <summary>
    /// The index of an item named by an option (a baseline, an anchor); an <see cref="ArgumentException"/>
    /// naming the option, the missing item and a few available items when it is absent.
    /// </summary>
    public int Require(string name, string optionName)
    {
        if (_indexByName.TryGetValue(name, out int index)) return index;
        throw new ArgumentException(
            $"{optionName}: item '{name}' does not occur in the data; available items include {Describe(_names, 8)}.",
            optionName);
    }

    /// <summary>"'a', 'b', 'c' and 7 more": a short quoted list for messages.</summary>
    public static string Describe(IEnumerable<string> names, int limit)
    {
        var list = names.ToList();
        string shown = string.Join(", ", list.Take(limit).Select(n => $"'{n}'"));
        return list.Count > limit ? $"{shown} and {list.Count - limit} more" : shown;
    }
}
