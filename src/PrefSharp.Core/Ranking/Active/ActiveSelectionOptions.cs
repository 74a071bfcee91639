namespace PrefSharp.Core.Ranking.Active;

/// <summary>Options of <see cref="ActivePairSelector"/>.</summary>
public sealed record ActiveSelectionOptions
{
    /// <summary>Which uncertainty to reduce. Default <see cref="ActiveSelectionCriterion.AdjacentRankDifferenceVariance"/>.</summary>
    public ActiveSelectionCriterion Criterion { get; init; } = ActiveSelectionCriterion.AdjacentRankDifferenceVariance;

    /// <summary>
    /// Precision λ of a N(0, 1/λ) prior on each rating: the BT fit is the MAP estimate and the information is
    /// Fisher + λI, which keeps it invertible before every item has been compared. Default 0.1.
    /// </summary>
    public double PriorPrecision { get; init; } = 0.1;

    /// <summary>How many best candidates to report. Default 10.</summary>
    public int ReportedCandidates { get; init; } = 10;
}
