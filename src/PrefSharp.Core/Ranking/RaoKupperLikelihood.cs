namespace PrefSharp.Core.Ranking;

/// <summary>
/// Rao–Kupper ties (Rao &amp; Kupper 1967, JASA 62:194–204, the model of §2):
/// P(i ≻ j) = π_i/(π_i + θπ_j),  P(i = j) = (θ² − 1)·π_i·π_j / ((π_i + θπ_j)(π_j + θπ_i)),  θ ≥ 1.
/// With β = log π, d = β_i − β_j and τ = log θ &gt; 0 (our parameter): P(i ≻ j) = σ(d − τ), P(j ≻ i) = σ(−d − τ),
/// log P(tie) = log(e^(2τ) − 1) − log(e^d + e^τ) − log(e^(−d) + e^τ); the log-likelihood is jointly concave in (β, τ).
/// Only hard outcomes count: weighted wins, ties and losses (soft scores are not used by this model).
/// </summary>
public readonly struct RaoKupperLikelihood : IPairwiseLikelihood
{
    public string Name => "rao-kupper";
    public bool HasTieParameter => true;

    /// <summary>Between equal items P(tie) = tanh(τ/2), so τ₀ = 2·artanh(tie fraction).</summary>
    public double InitialTieParameter(double tieFraction) => 2 * Math.Atanh(Math.Clamp(tieFraction, 1e-3, 0.99));

    public double NoTieParameter => 0;
    public bool IsFeasible(double tau) => tau > 0 && tau < 700;

    /// <summary>θ = e^τ.</summary>
    public double ReportedTieParameter(double tau) => Math.Exp(tau);

    public double Evaluate(double d, double tau, PairwiseCounts counts, int pair, out PairDerivatives derivatives)
    {
        double wins = counts.FirstWins[pair], ties = counts.Ties[pair], losses = counts.SecondWins[pair];
        double a = LogisticFunctions.Sigmoid(d - tau), b = LogisticFunctions.Sigmoid(-d - tau);
        double va = a * (1 - a), vb = b * (1 - b);
        // log P(win) = log a: ∂d = 1 − a, ∂τ = −(1 − a), ∂dd = −va, ∂dτ = va, ∂ττ = −va.
        // log P(loss) = log b: ∂d = −(1 − b), ∂τ = −(1 − b), ∂dd = −vb, ∂dτ = −vb, ∂ττ = −vb.
        double gd = wins * (1 - a) - losses * (1 - b);
        double gt = -wins * (1 - a) - losses * (1 - b);
        double hdd = -wins * va - losses * vb, hdt = wins * va - losses * vb, htt = -wins * va - losses * vb;
        double value = 0;
        if (wins > 0) value += wins * LogisticFunctions.LogSigmoid(d - tau);
        if (losses > 0) value += losses * LogisticFunctions.LogSigmoid(-d - tau);
        if (ties > 0)
        {
            // log P(tie) = log(e^(2τ) − 1) − logaddexp(d, τ) − logaddexp(−d, τ).
            value += ties * LogTie(d, tau);
            double e = Math.Exp(-2 * tau);
            gd += ties * (b - a);
            gt += ties * (2 / -AccurateMath.ExpM1(-2 * tau) - (1 - a) - (1 - b));
            hdd += ties * (-va - vb);
            hdt += ties * (va - vb);
            htt += ties * (-4 * e / (AccurateMath.ExpM1(-2 * tau) * AccurateMath.ExpM1(-2 * tau)) - va - vb);
        }
        derivatives = new PairDerivatives(gd, gt, hdd, hdt, htt);
        return value;
    }

    public (double D, double Tau) BattleScore(double d, double tau, PairOutcome outcome, double firstScore)
    {
        double a = LogisticFunctions.Sigmoid(d - tau), b = LogisticFunctions.Sigmoid(-d - tau);
        return outcome switch
        {
            PairOutcome.FirstWins => (1 - a, -(1 - a)),
            PairOutcome.SecondWins => (-(1 - b), -(1 - b)),
            _ => (b - a, 2 / -AccurateMath.ExpM1(-2 * tau) - (1 - a) - (1 - b)),
        };
    }

    /// <summary>P(win) + ½·P(tie) = ½·(1 + σ(d − τ) − σ(−d − τ)).</summary>
    public double ExpectedScore(double d, double tau) =>
        0.5 * (1 + LogisticFunctions.Sigmoid(d - tau) - LogisticFunctions.Sigmoid(-d - tau));

    /// <summary>log P(tie) at (d, τ), stable for large |d|.</summary>
    public static double LogTie(double d, double tau) =>
        2 * tau + Math.Log(-AccurateMath.ExpM1(-2 * tau)) - LogisticFunctions.LogAddExp(d, tau) - LogisticFunctions.LogAddExp(-d, tau);
}
