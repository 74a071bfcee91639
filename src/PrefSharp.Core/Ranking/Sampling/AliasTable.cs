namespace PrefSharp.Core.Ranking.Sampling;

/// <summary>
/// Draws cell k with probability weights[k] / Σ weights in O(1): Walker's alias method, built in O(n) by Vose's
/// algorithm (Vose 1991, "A linear algorithm for generating random numbers with a given distribution", IEEE TSE 17).
/// </summary>
public sealed class AliasTable
{
    private readonly double[] keep;
    private readonly int[] alias;

    public AliasTable(ReadOnlySpan<int> weights)
    {
        int n = weights.Length;
        long total = 0;
        foreach (int w in weights) total += w >= 0 ? w : throw new ArgumentOutOfRangeException(nameof(weights), w, "weights must be ≥ 0");
        if (total == 0) throw new ArgumentException("the weights sum to zero", nameof(weights));
        (keep, alias) = (new double[n], new int[n]);
        var scaled = new double[n];
        var (small, large) = (new Stack<int>(), new Stack<int>());
        for (int k = 0; k < n; k++)
        {
            scaled[k] = (double)weights[k] * n / total;
            (scaled[k] < 1 ? small : large).Push(k);
        }
        while (small.Count > 0 && large.Count > 0)
        {
            int less = small.Pop(), more = large.Peek();
            (keep[less], alias[less]) = (scaled[less], more);
            scaled[more] -= 1 - scaled[less];
            if (scaled[more] < 1) small.Push(large.Pop());
        }
        foreach (int k in large) (keep[k], alias[k]) = (1, k);
        foreach (int k in small) (keep[k], alias[k]) = (1, k);  // rounding leftovers, ≈ 1
    }

    public int Sample(Random random)
    {
        double u = random.NextDouble() * keep.Length;
        int cell = Math.Min((int)u, keep.Length - 1);
        return u - cell < keep[cell] ? cell : alias[cell];
    }
}
