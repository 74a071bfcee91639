namespace PrefSharp.Core.Ranking;

/// <summary>How leaderboard intervals are computed.</summary>
public enum IntervalMethod
{
    /// <summary>Percentile bootstrap (Efron &amp; Tibshirani 1993, §13.3): ratings, ranks and win rates. The default.</summary>
    Bootstrap,
    /// <summary>Normal intervals from the sandwich covariance (pairwise models only); ranks as Chatbot Arena does.</summary>
    Sandwich,
    /// <summary>No intervals (the *_lo/*_hi fields are null).</summary>
    None,
}
