using PrefSharp.Core.Data;

namespace PrefSharp.Core.Ranking.Optimization;

/// <summary>
/// Battles as plain parallel arrays over item indices: the form the mixture, intransitive and active-selection models work on.
/// Items are indexed in order of first appearance (or in the order given).
/// </summary>
public sealed class IndexedBattles
{
    /// <summary>Item names; index i names item i.</summary>
    public IReadOnlyList<string> Items { get; }
    /// <summary>Index of item A of each battle.</summary>
    public int[] ItemA { get; }
    /// <summary>Index of item B of each battle.</summary>
    public int[] ItemB { get; }
    /// <summary>A's score in [0, 1] (1 win, 0 loss, 0.5 tie, soft in between).</summary>
    public double[] ScoreA { get; }
    /// <summary>Sample weight of each battle.</summary>
    public double[] Weight { get; }
    /// <summary>The annotator of each battle (null when unknown).</summary>
    public string?[] Judge { get; }
    /// <summary>Number of battles.</summary>
    public int Count => ItemA.Length;

    public IndexedBattles(IReadOnlyList<string> items, int[] itemA, int[] itemB, double[] scoreA, double[] weight, string?[] judge)
    {
        int n = itemA.Length;
        if (itemB.Length != n || scoreA.Length != n || weight.Length != n || judge.Length != n)
            throw new ArgumentException("All battle arrays must have the same length.");
        Items = items; ItemA = itemA; ItemB = itemB; ScoreA = scoreA; Weight = weight; Judge = judge;
    }

    /// <summary>Indexes <paramref name="battles"/>; <paramref name="items"/> fixes the item order (others are appended).</summary>
    public static IndexedBattles From(IReadOnlyList<Battle> battles, IEnumerable<string>? items = null)
    {
        var names = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        int IndexOf(string name)
        {
            if (!index.TryGetValue(name, out int i)) { i = names.Count; index[name] = i; names.Add(name); }
            return i;
        }
        if (items is not null) foreach (var item in items) IndexOf(item);
        int n = battles.Count;
        var a = new int[n]; var b = new int[n]; var s = new double[n]; var w = new double[n]; var j = new string?[n];
        for (int k = 0; k < n; k++)
        {
            var battle = battles[k];
            a[k] = IndexOf(battle.ItemA); b[k] = IndexOf(battle.ItemB);
            s[k] = Math.Clamp(battle.ScoreA, 0.0, 1.0); w[k] = battle.Weight; j[k] = battle.Judge;
        }
        return new IndexedBattles(names, a, b, s, w, j);
    }
}
