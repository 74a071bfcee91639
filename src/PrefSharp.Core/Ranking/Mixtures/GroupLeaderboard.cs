namespace PrefSharp.Core.Ranking.Mixtures;

/// <summary>One item in one latent group: BT rating (natural log-odds, mean 0 within the group) and its mean win
/// probability against the other items under that group's model.</summary>
public sealed record GroupItemRating(string Item, double Rating, double MeanWinProbability);

/// <summary>The leaderboard of one latent annotator group, best first.</summary>
public sealed record GroupLeaderboard(int Group, double MixingWeight, int AnnotatorCount, IReadOnlyList<GroupItemRating> Items);
