namespace PrefSharp.Core.Ranking.Style;

/// <summary>One item's rating with the style effect removed, beside its plain (uncontrolled) BT rating, both on the Elo scale.</summary>
public sealed record StyleControlledRating(string Item, double Rating, int Rank, double UncontrolledRating, int UncontrolledRank);
