namespace PrefSharp.Core.Ranking;

/// <summary>
/// Bradley–Terry (Zermelo 1929; Bradley &amp; Terry 1952; Hunter 2004, Eq. 1): P(i beats j) = π_i/(π_i + π_j) = σ(β_i − β_j)
/// with β = log π. Each battle contributes its score s (1 win, ½ tie — the Chatbot Arena convention — or a soft
/// score) as s·log σ(d) + (1 − s)·log σ(−d), times its weight; so per pair
/// ℓ = S·log σ(d) + (N − S)·log σ(−d), ∂ℓ/∂d = S − N·σ(d), ∂²ℓ/∂d² = −N·σ(d)·σ(−d).
/// </summary>
public readonly struct BradleyTerryLikelihood : IPairwiseLikelihood
{
    public string Name => "bt";

    public double Evaluate(double d, double tau, PairwiseCounts counts, int pair, out PairDerivatives derivatives)
    {
        double score = counts.FirstScore[pair], total = counts.TotalWeight[pair];
        // One exp and one log: e = e^(−|d|), σ(d) from e, and S·log σ(d) + (N − S)·log σ(−d) = S·d − N·softplus(d).
        double e = Math.Exp(-Math.Abs(d));
        double p = d >= 0 ? 1 / (1 + e) : e / (1 + e);
        derivatives = new PairDerivatives(score - total * p, 0, -total * p * (1 - p), 0, 0);
        double softplus = Math.Max(d, 0) + AccurateMath.Log1P(e);
        return score * d - total * softplus;
    }

    public (double D, double Tau) BattleScore(double d, double tau, PairOutcome outcome, double firstScore) =>
        (firstScore - LogisticFunctions.Sigmoid(d), 0);

    public double ExpectedScore(double d, double tau) => LogisticFunctions.Sigmoid(d);
}
