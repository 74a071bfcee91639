namespace PrefSharp.Core.Ranking.Style;

/// <summary>Output of <see cref="StyleControlledBradleyTerry.Fit"/>: a style-controlled leaderboard (best first) and the style effects.</summary>
/// <param name="Ratings">Items by style-controlled rating, best first.</param>
/// <param name="Coefficients">One coefficient per style feature.</param>
/// <param name="LogLikelihood">Weighted log-likelihood of the joint (ratings + style) model.</param>
/// <param name="UncontrolledLogLikelihood">Weighted log-likelihood of plain BT on the same battles.</param>
/// <param name="BattleCount">Battles used.</param>
public sealed record StyleControlResult(IReadOnlyList<StyleControlledRating> Ratings, IReadOnlyList<StyleCoefficient> Coefficients,
    double LogLikelihood, double UncontrolledLogLikelihood, int BattleCount);
