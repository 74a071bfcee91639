namespace PrefSharp.Core.Ranking;

/// <summary>Unweighted counts of one item's battles by outcome.</summary>
public readonly record struct ItemTally(long Wins, long Ties, long Losses)
{
    public long Battles => Wins + Ties + Losses;

    public ItemTally Add(long wins, long ties, long losses) => new(Wins + wins, Ties + ties, Losses + losses);
}
