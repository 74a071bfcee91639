namespace PrefSharp.Core.Ranking.Intransitive;

/// <summary>A maximal lottery and its exact check.</summary>
/// <param name="Items">Item names.</param>
/// <param name="Probabilities">p: the lottery over items (sums to 1).</param>
/// <param name="MinimumExpectedMargin">min_j Σ_i p_i M_ij: ≥ 0 (up to rounding) exactly when p is a maximal lottery.</param>
/// <param name="Verified">Whether MinimumExpectedMargin ≥ −tolerance.</param>
/// <param name="Pivots">Simplex pivots used.</param>
public sealed record MaximalLotteryResult(IReadOnlyList<string> Items, double[] Probabilities, double MinimumExpectedMargin, bool Verified, int Pivots);
