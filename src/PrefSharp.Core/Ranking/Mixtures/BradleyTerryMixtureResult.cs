namespace PrefSharp.Core.Ranking.Mixtures;

/// <summary>A fitted mixture of K Bradley–Terry models over annotators.</summary>
/// <param name="Items">Item names (index order of <see cref="GroupRatings"/> columns).</param>
/// <param name="GroupCount">K.</param>
/// <param name="MixingWeights">π_k.</param>
/// <param name="GroupRatings">β_k per group (rows) and item (columns), natural log-odds, mean 0 per group.</param>
/// <param name="Groups">Per-group leaderboards.</param>
/// <param name="Annotators">Posterior assignment of each annotator.</param>
/// <param name="LogLikelihood">Σ_a log Σ_k π_k Π_{battles of a} P_k(outcome) (soft scores as cross-entropy).</param>
/// <param name="ParameterCount">K(n − 1) + (K − 1).</param>
/// <param name="Bic">−2·LogLikelihood + ParameterCount·ln(battles) (Schwarz 1978).</param>
/// <param name="Iterations">EM iterations of the kept restart.</param>
public sealed record BradleyTerryMixtureResult(IReadOnlyList<string> Items, int GroupCount, double[] MixingWeights, double[][] GroupRatings,
    IReadOnlyList<GroupLeaderboard> Groups, IReadOnlyList<AnnotatorAssignment> Annotators, double LogLikelihood,
    int ParameterCount, double Bic, int Iterations);
