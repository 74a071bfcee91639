namespace PrefSharp.Core.Ranking;

/// <summary>How a bootstrap round resamples the data.</summary>
public enum BootstrapMethod
{
    /// <summary>
    /// Multinomial resampling of the aggregated cell counts (one binomial draw per cell): the same law as resampling
    /// battles with replacement, at a cost independent of the number of battles. The default.
    /// </summary>
    PairCounts,
    /// <summary>Resample battles with replacement and re-aggregate (Efron 1979): slow, kept to check the fast path.</summary>
    Battles,
}
