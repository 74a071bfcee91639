namespace PrefSharp.Core.Ranking.Intransitive;

/// <summary>
/// Finds majority (Condorcet) 3-cycles: triples with P(i ≻ j) &gt; ½, P(j ≻ k) &gt; ½, P(k ≻ i) &gt; ½
/// (Condorcet 1785; the intransitivity that Bradley–Terry cannot express, cf. Zhang et al. 2024, "Beyond
/// Bradley–Terry", §1). Each cycle is listed once, rotated to start at its smallest index; strength is
/// min over its edges of the margin P(x ≻ y) − P(y ≻ x). O(n³) over items.
/// </summary>
public static class CondorcetCycleFinder
{
    /// <summary>
    /// All 3-cycles, strongest first, at most <paramref name="top"/> (default 20). Pairs with comparison weight below
    /// <paramref name="minimumCount"/> (default: any comparison, &gt; 0) do not form edges.
    /// </summary>
    public static IReadOnlyList<CondorcetCycle> FindThreeCycles(PreferenceMatrix matrix, int top = 20, double minimumCount = double.Epsilon)
    {
        int n = matrix.Items.Count;
        var margin = matrix.Margin();
        bool Beats(int x, int y) => matrix.Count[x][y] >= minimumCount && margin[x][y] > 0;
        var cycles = new List<CondorcetCycle>();
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
                for (int k = i + 1; k < n; k++)
                {
                    if (k == j) continue;
                    // orientation i → j → k → i; the other orientation is found with j and k swapped.
                    if (!Beats(i, j) || !Beats(j, k) || !Beats(k, i)) continue;
                    double strength = Math.Min(margin[i][j], Math.Min(margin[j][k], margin[k][i]));
                    cycles.Add(new CondorcetCycle(matrix.Items[i], matrix.Items[j], matrix.Items[k], strength));
                }
        return cycles.OrderByDescending(c => c.Strength).Take(top).ToList();
    }
}
