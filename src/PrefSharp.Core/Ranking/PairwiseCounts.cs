using PrefSharp.Core.Ranking.Sampling;

namespace PrefSharp.Core.Ranking;

/// <summary>
/// Sufficient statistics of a set of battles for every pairwise model: per compared pair (first &lt; second in
/// item index) the weighted wins of each side, the weighted ties, the weighted score of the first item and the
/// total weight. Underneath, battles are grouped into <em>cells</em> — (pair, outcome, score, weight) classes
/// with an integer battle count — so that resampling battles with replacement is the same as drawing the cell
/// counts from a multinomial (see <see cref="PairwiseBootstrap"/>), at the cost of one draw per cell, not per battle.
/// </summary>
public sealed partial class PairwiseCounts
{
    internal readonly int[] First;
    internal readonly int[] Second;
    internal readonly int[] CellPair;
    internal readonly PairOutcome[] CellOutcome;
    internal readonly double[] CellFirstScore;
    internal readonly double[] CellWeight;
    internal readonly int[] CellCount;

    /// <summary>Weighted battles the first item won (by outcome, for the tie models).</summary>
    internal readonly double[] FirstWins;
    /// <summary>Weighted battles the second item won.</summary>
    internal readonly double[] SecondWins;
    /// <summary>Weighted ties.</summary>
    internal readonly double[] Ties;
    /// <summary>Σ weight·score of the first item (ties count ½; soft scores as given): the Bradley–Terry statistic.</summary>
    internal readonly double[] FirstScore;
    /// <summary>Σ weight over the pair's battles.</summary>
    internal readonly double[] TotalWeight;

    internal PairwiseCounts(ItemIndex items, int[] first, int[] second, int[] cellPair, PairOutcome[] cellOutcome,
        double[] cellFirstScore, double[] cellWeight, int[] cellCount)
    {
        Items = items;
        First = first;
        Second = second;
        CellPair = cellPair;
        CellOutcome = cellOutcome;
        CellFirstScore = cellFirstScore;
        CellWeight = cellWeight;
        CellCount = cellCount;
        int pairs = first.Length;
        FirstWins = new double[pairs];
        SecondWins = new double[pairs];
        Ties = new double[pairs];
        FirstScore = new double[pairs];
        TotalWeight = new double[pairs];
        Recount();
    }

    /// <summary>Recomputes the pair totals and <see cref="BattleCount"/> from the cell counts.</summary>
    private void Recount()
    {
        Array.Clear(FirstWins);
        Array.Clear(SecondWins);
        Array.Clear(Ties);
        Array.Clear(FirstScore);
        Array.Clear(TotalWeight);
        long battles = 0;
        for (int cell = 0; cell < CellPair.Length; cell++)
        {
            int count = CellCount[cell];
            if (count == 0) continue;
            battles += count;
            int pair = CellPair[cell];
            double weight = count * CellWeight[cell];
            TotalWeight[pair] += weight;
            FirstScore[pair] += weight * CellFirstScore[cell];
            switch (CellOutcome[cell])
            {
                case PairOutcome.FirstWins: FirstWins[pair] += weight; break;
                case PairOutcome.SecondWins: SecondWins[pair] += weight; break;
                default: Ties[pair] += weight; break;
            }
        }
        BattleCount = battles;
    }

    public ItemIndex Items { get; }

    public int ItemCount => Items.Count;

    /// <summary>Number of distinct compared pairs.</summary>
    public int PairCount => First.Length;

    /// <summary>Number of distinct (pair, outcome, score, weight) cells: 3 per pair at most for hard unit-weight outcomes.</summary>
    public int CellCountTotal => CellPair.Length;

    /// <summary>Number of battles (unweighted).</summary>
    public long BattleCount { get; private set; }

    /// <summary>The totals of one pair, seen from its first item.</summary>
    public PairTotals GetPair(int pair) =>
        new(First[pair], Second[pair], FirstWins[pair], Ties[pair], SecondWins[pair], FirstScore[pair], TotalWeight[pair]);

    /// <summary>The same cells with other battle counts (a bootstrap resample); pairs and items are shared.</summary>
    public PairwiseCounts WithCellCounts(int[] cellCounts)
    {
        if (cellCounts.Length != CellPair.Length) throw new ArgumentException("One count per cell is required.", nameof(cellCounts));
        return new PairwiseCounts(Items, First, Second, CellPair, CellOutcome, CellFirstScore, CellWeight, cellCounts);
    }

    /// <summary>
    /// Draws Multinomial(N, cell counts/N) from <paramref name="source"/>'s cells into this resample's cells (which
    /// must share them, see <see cref="WithCellCounts"/>) and recounts the pair totals in place, allocating nothing.
    /// </summary>
    internal void ResampleFrom(PairwiseCounts source, Random random)
    {
        if (source.CellPair != CellPair) throw new ArgumentException("The resample must share the source's cells.", nameof(source));
        source.Resampler.Sample(random, CellCount);
        Recount();
    }

    private MultinomialSampler? resampler;

    /// <summary>The prepared Multinomial(N, cell counts/N) of these cells, built on first use (by any thread) and then shared.</summary>
    internal MultinomialSampler Resampler => LazyInitializer.EnsureInitialized(ref resampler, () => new MultinomialSampler(CellCount));

    public ItemTally[] TallyItems()
    {
        var tallies = new ItemTally[ItemCount];
        for (int cell = 0; cell < CellPair.Length; cell++)
        {
            int count = CellCount[cell], pair = CellPair[cell];
            int first = First[pair], second = Second[pair];
            switch (CellOutcome[cell])
            {
                case PairOutcome.FirstWins: tallies[first] = tallies[first].Add(count, 0, 0); tallies[second] = tallies[second].Add(0, 0, count); break;
                case PairOutcome.SecondWins: tallies[first] = tallies[first].Add(0, 0, count); tallies[second] = tallies[second].Add(count, 0, 0); break;
                default: tallies[first] = tallies[first].Add(0, count, 0); tallies[second] = tallies[second].Add(0, count, 0); break;
            }
        }
        return tallies;
    }
}
