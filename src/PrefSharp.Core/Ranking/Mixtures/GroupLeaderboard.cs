namespace PrefSharp.Core.Ranking.Mixtures;

/// <summary>The leaderboard of one latent annotator group, best first.</summary>
public sealed record GroupLeaderboard(int Group, double MixingWeight, int AnnotatorCount, IReadOnlyList<GroupItemRating> Items);
