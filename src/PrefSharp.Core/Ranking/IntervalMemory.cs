using System.Globalization;

namespace PrefSharp.Core.Ranking;

/// <summary>
/// The limits of the interval methods, checked before any work so that a request too large is refused in one line
/// instead of allocating without end. Exact percentile intervals keep every round's draw of every item: the
/// refitted strength (8 bytes), the rating (8), the rank (4) and the win rate (8), 28 bytes per round and item, at
/// most <see cref="BudgetBytes"/>. Sandwich intervals invert the dense n×n observed information (n³ work, six n×n
/// matrices), at most <see cref="SandwichItemLimit"/> items. Above it no exact method scales: each item's variance
/// eᵢᵀA⁻¹BA⁻¹eᵢ needs its own solve with A (one conjugate-gradient run on the sparse Hessian, about 30 products with
/// its pairs, about 8 ms each for a million pairs on one core), n solves in all: for 100,000 items about seven
/// core-hours, far beyond a bootstrap of the same data.
/// </summary>
public static class IntervalMemory
{
    /// <summary>Bytes kept per bootstrap round and item.</summary>
    public const long BytesPerDraw = 28;

    /// <summary>The most the bootstrap draws may take: 1 GiB.</summary>
    public const long BudgetBytes = 1L << 30;

    /// <summary>The most items for sandwich intervals (2,000 items: 192 MB of matrices and about 10¹⁰ flops).</summary>
    public const int SandwichItemLimit = 2000;

    /// <summary>The most rounds whose draws for <paramref name="items"/> items fit the budget.</summary>
    public static long MaxRounds(int items) => BudgetBytes / (BytesPerDraw * Math.Max(1, items));

    /// <summary>Throws <see cref="ArgumentException"/> (one line) when <paramref name="rounds"/> × <paramref name="items"/> draws exceed the budget.</summary>
    public static void RequireBootstrap(int rounds, int items)
    {
        long most = MaxRounds(items);
        if (rounds <= most) return;
        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
            $"bootstrap: {rounds:N0} rounds × {items:N0} items keep {(double)rounds * items * BytesPerDraw / (1L << 30):N1} GiB of draws for the percentile intervals; expected at most {most:N0} rounds (1 GiB){(items <= SandwichItemLimit ? ", or sandwich intervals" : "")}"));
    }

    /// <summary>Throws <see cref="ArgumentException"/> (one line) above <see cref="SandwichItemLimit"/> items.</summary>
    public static void RequireSandwich(int items)
    {
        if (items <= SandwichItemLimit) return;
        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
            $"sandwich intervals: {items:N0} items need a dense {items:N0}×{items:N0} inverse ({6.0 * 8 * items * items / (1L << 30):N0} GiB), or from the sparse Hessian one conjugate-gradient solve per item ({items:N0} solves); expected at most {SandwichItemLimit:N0} items; use bootstrap intervals (--bootstrap N, at most {MaxRounds(items):N0} rounds)"));
    }
}
