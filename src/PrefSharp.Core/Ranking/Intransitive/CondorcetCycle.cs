namespace PrefSharp.Core.Ranking.Intransitive;

/// <summary>
/// A Condorcet 3-cycle First ≻ Second ≻ Third ≻ First in the empirical preference matrix.
/// Strength = the smallest margin P(x ≻ y) − P(y ≻ x) along the cycle's three edges (in (0, 1]).
/// </summary>
public sealed record CondorcetCycle(string First, string Second, string Third, double Strength);
