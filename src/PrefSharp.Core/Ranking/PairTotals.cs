namespace PrefSharp.Core.Ranking;

/// <summary>
/// The weighted totals of one compared pair seen from its <see cref="First"/> item: outcome counts for the tie
/// models (Rao–Kupper, Davidson) and the score total for Bradley–Terry and Thurstone (ties as half wins).
/// </summary>
public readonly record struct PairTotals(
    int First, int Second, double FirstWins, double Ties, double SecondWins, double FirstScore, double TotalWeight);
