namespace PrefSharp.Core.Ranking.Optimization;

/// <summary>Ratings (natural log-odds scale, mean 0) and the weighted log-likelihood of a Bradley–Terry fit.</summary>
public sealed record IndicatorBradleyTerryFit(double[] Ratings, double LogLikelihood, bool Converged);
