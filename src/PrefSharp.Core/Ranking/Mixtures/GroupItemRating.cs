namespace PrefSharp.Core.Ranking.Mixtures;

/// <summary>One item in one latent group: BT rating (natural log-odds, mean 0 within the group) and its mean win
/// probability against the other items under that group's model.</summary>
public sealed record GroupItemRating(string Item, double Rating, double MeanWinProbability);
