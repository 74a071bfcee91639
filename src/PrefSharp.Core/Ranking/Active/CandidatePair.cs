namespace PrefSharp.Core.Ranking.Active;

/// <summary>A candidate comparison and the reduction of the chosen uncertainty expected from one more battle of it.</summary>
public sealed record CandidatePair(string ItemA, string ItemB, double ExpectedReduction, double WinProbabilityA);
