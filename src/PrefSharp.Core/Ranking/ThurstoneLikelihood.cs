namespace PrefSharp.Core.Ranking;

/// <summary>
/// Thurstone–Mosteller, Case V (Thurstone 1927, Case V; Mosteller 1951): P(i ≻ j) = Φ(β_i − β_j) with Φ the
/// standard normal CDF (the latent-difference variance is absorbed in the unit of β). Ties count as half wins, as in
/// Bradley–Terry: ℓ = S·log Φ(d) + (N − S)·log Φ(−d), ∂ℓ/∂d = S·λ(d) − (N − S)·λ(−d),
/// ∂²ℓ/∂d² = −S·λ(d)(d + λ(d)) − (N − S)·λ(−d)(λ(−d) − d), with λ = φ/Φ the inverse Mills ratio.
/// </summary>
public readonly struct ThurstoneLikelihood : IPairwiseLikelihood
{
    public string Name => "thurstone";

    public double Evaluate(double d, double tau, PairwiseCounts counts, int pair, out PairDerivatives derivatives)
    {
        double score = counts.FirstScore[pair], rest = counts.TotalWeight[pair] - score;
        double up = NormalDistribution.InverseMillsRatio(d), down = NormalDistribution.InverseMillsRatio(-d);
        derivatives = new PairDerivatives(
            score * up - rest * down, 0, -score * up * (d + up) - rest * down * (down - d), 0, 0);
        double value = 0;
        if (score > 0) value += score * NormalDistribution.LogCdf(d);
        if (rest > 0) value += rest * NormalDistribution.LogCdf(-d);
        return value;
    }

    public (double D, double Tau) BattleScore(double d, double tau, PairOutcome outcome, double firstScore) =>
        (firstScore * NormalDistribution.InverseMillsRatio(d) - (1 - firstScore) * NormalDistribution.InverseMillsRatio(-d), 0);

    public double ExpectedScore(double d, double tau) => NormalDistribution.Cdf(d);
}
