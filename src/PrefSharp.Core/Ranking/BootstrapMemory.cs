using System.Globalization;

namespace PrefSharp.Core.Ranking;

/// <summary>
/// The memory bound of percentile intervals. Exact percentiles keep every round's draw of every item: the refitted
/// strength (8 bytes), the rating (8), the rank (4) and the win rate (8), 28 bytes per round and item. Rather than
/// let that grow without end, a request above <see cref="BudgetBytes"/> is refused before any round runs, naming
/// the most rounds that fit.
/// </summary>
public static class BootstrapMemory
{
    /// <summary>Bytes kept per round and item.</summary>
    public const long BytesPerDraw = 28;

    /// <summary>The most the draws may take: 1 GiB.</summary>
    public const long BudgetBytes = 1L << 30;

    /// <summary>The most rounds whose draws for <paramref name="items"/> items fit the budget.</summary>
    public static long MaxRounds(int items) => BudgetBytes / (BytesPerDraw * Math.Max(1, items));

    /// <summary>Throws <see cref="ArgumentException"/> (one line) when <paramref name="rounds"/> × <paramref name="items"/> draws exceed the budget.</summary>
    public static void Require(int rounds, int items)
    {
        long most = MaxRounds(items);
        if (rounds <= most) return;
        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
            $"bootstrap: {rounds:N0} rounds × {items:N0} items keep {(double)rounds * items * BytesPerDraw / (1L << 30):N1} GiB of draws for the percentile intervals; expected at most {most:N0} rounds (1 GiB), or sandwich intervals"));
    }
}
