namespace PrefSharp.Recipes.Curation;

/// <summary>One pair's preference strength (mean and population standard deviation over the members) and what curation did with it.</summary>
public sealed record CuratedPair(int Index, double MeanStrength, double StrengthStd, bool Flagged, CurationDecision Decision);
