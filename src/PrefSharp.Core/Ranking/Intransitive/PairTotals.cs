using PrefSharp.Core.Ranking.Optimization;

namespace PrefSharp.Core.Ranking.Intransitive;

/// <summary>Battles aggregated per unordered pair (I &lt; J): total weight and I's weighted score.</summary>
internal readonly record struct PairTotals(int I, int J, double Weight, double ScoreI)
{
    public static List<PairTotals> From(IndexedBattles battles)
    {
        var totals = new Dictionary<(int, int), (double Weight, double Score)>();
        for (int k = 0; k < battles.Count; k++)
        {
            int a = battles.ItemA[k], b = battles.ItemB[k];
            if (a == b || battles.Weight[k] <= 0) continue;
            double w = battles.Weight[k], s = battles.ScoreA[k];
            var key = a < b ? (a, b) : (b, a);
            double scoreOfFirst = a < b ? s : 1 - s;
            totals.TryGetValue(key, out var t);
            totals[key] = (t.Weight + w, t.Score + w * scoreOfFirst);
        }
        return totals.Select(kv => new PairTotals(kv.Key.Item1, kv.Key.Item2, kv.Value.Weight, kv.Value.Score)).ToList();
    }
}
