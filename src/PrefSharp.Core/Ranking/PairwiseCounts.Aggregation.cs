using PrefSharp.Core.Data;

namespace PrefSharp.Core.Ranking;

public sealed partial class PairwiseCounts
{
    /// <summary>
    /// Aggregates battles into pair and cell counts in one pass (a few dictionary look-ups per battle).
    /// Hard unit-weight outcomes land in three fixed cells per pair; soft scores and other weights get their
    /// own (pair, outcome, score, weight) cells. Throws <see cref="ArgumentException"/> for an empty input,
    /// an item compared against itself (naming it), a weight that is negative or not finite, or a score outside [0, 1].
    /// </summary>
    /// <param name="battles">The battles; A's score is <see cref="Battle.ScoreA"/>, its weight <see cref="Battle.Weight"/>.</param>
    /// <param name="items">An index to extend (to keep a given item order); a new one when null.</param>
    public static PairwiseCounts FromBattles(IEnumerable<Battle> battles, ItemIndex? items = null)
    {
        ArgumentNullException.ThrowIfNull(battles);
        items ??= new ItemIndex();
        var aggregator = new PairwiseCountsBuilder(items);
        long position = 0;
        foreach (Battle battle in battles)
        {
            aggregator.Add(battle, position);
            position++;
        }
        if (position == 0) throw new ArgumentException("No battles: at least one comparison is required.", nameof(battles));
        return aggregator.Build();
    }
}
