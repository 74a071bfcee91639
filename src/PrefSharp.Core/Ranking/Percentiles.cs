namespace PrefSharp.Core.Ranking;

/// <summary>Sample quantiles of sorted data (Hyndman &amp; Fan 1996).</summary>
public static class Percentiles
{
    /// <summary>Type 7 (linear interpolation, numpy's default, used by Chatbot Arena): h = (N − 1)q.</summary>
    public static double Linear(ReadOnlySpan<double> sorted, double q)
    {
        if (sorted.IsEmpty) throw new ArgumentException("No data.", nameof(sorted));
        double h = (sorted.Length - 1) * q;
        int below = (int)Math.Floor(h);
        if (below >= sorted.Length - 1) return sorted[^1];
        return sorted[below] + (h - below) * (sorted[below + 1] - sorted[below]);
    }

    /// <summary>Type 1 (inverse of the empirical CDF): an observed value, for integer data such as ranks.</summary>
    public static int InvertedCdf(ReadOnlySpan<int> sorted, double q)
    {
        if (sorted.IsEmpty) throw new ArgumentException("No data.", nameof(sorted));
        int index = (int)Math.Ceiling(sorted.Length * q - 1e-12) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
    }

    /// <summary>Competition ranks: 1 + the number of strictly larger values (equal values share a rank).</summary>
    public static int[] Ranks(ReadOnlySpan<double> ratings)
    {
        int n = ratings.Length;
        var order = new int[n];
        for (int k = 0; k < n; k++) order[k] = k;
        var copy = ratings.ToArray();
        Array.Sort(order, (a, b) => copy[b].CompareTo(copy[a]));
        var ranks = new int[n];
        for (int position = 0; position < n; position++)
        {
            int item = order[position];
            ranks[item] = position > 0 && copy[item] == copy[order[position - 1]] ? ranks[order[position - 1]] : position + 1;
        }
        return ranks;
    }
}
