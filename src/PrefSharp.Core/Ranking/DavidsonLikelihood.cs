namespace PrefSharp.Core.Ranking;

/// <summary>
/// Davidson ties (Davidson 1970, JASA 65:317–328, the model of §2):
/// P(i ≻ j) = π_i/(π_i + π_j + ν√(π_iπ_j)),  P(i = j) = ν√(π_iπ_j)/(π_i + π_j + ν√(π_iπ_j)),  ν ≥ 0.
/// With β = log π, d = β_i − β_j and τ = log ν (our parameter) the three outcomes are a softmax over the
/// logits (d/2, −d/2, τ): ℓ = w·d/2 − l·d/2 + t·τ − (w + t + l)·D with D = log(e^(d/2) + e^(−d/2) + e^τ),
/// which is jointly concave in (β, τ). Only hard outcomes count (weighted wins, ties, losses).
/// </summary>
public readonly struct DavidsonLikelihood : IPairwiseLikelihood
{
    public string Name => "davidson";
    public bool HasTieParameter => true;

    /// <summary>Between equal items P(tie) = ν/(2 + ν), so ν₀ = 2f/(1 − f).</summary>
    public double InitialTieParameter(double tieFraction)
    {
        double f = Math.Clamp(tieFraction, 1e-3, 0.99);
        return Math.Log(2 * f / (1 - f));
    }

    public double NoTieParameter => double.NegativeInfinity;
    public bool IsFeasible(double tau) => tau < 700;

    /// <summary>ν = e^τ.</summary>
    public double ReportedTieParameter(double tau) => Math.Exp(tau);

    public double Evaluate(double d, double tau, PairwiseCounts counts, int pair, out PairDerivatives derivatives)
    {
        double wins = counts.FirstWins[pair], ties = counts.Ties[pair], losses = counts.SecondWins[pair];
        double total = wins + ties + losses;
        var (pw, pt, pl, logNormaliser) = Softmax(d, tau);
        // Softmax Hessian J(diag p − ppᵀ)Jᵀ with J_d = (½, −½, 0), J_τ = (0, 0, 1).
        double dd = 0.25 * (pw + pl) - 0.25 * (pw - pl) * (pw - pl);
        double dt = -0.5 * pt * (pw - pl);
        double tt = pt - pt * pt;
        derivatives = new PairDerivatives(
            0.5 * (wins - losses) - 0.5 * total * (pw - pl), ties - total * pt, -total * dd, -total * dt, -total * tt);
        double value = 0.5 * d * (wins - losses) - total * logNormaliser;
        if (ties > 0) value += ties * tau;
        return value;
    }

    public (double D, double Tau) BattleScore(double d, double tau, PairOutcome outcome, double firstScore)
    {
        var (pw, pt, pl, _) = Softmax(d, tau);
        double common = -0.5 * (pw - pl);
        return outcome switch
        {
            PairOutcome.FirstWins => (0.5 + common, -pt),
            PairOutcome.SecondWins => (-0.5 + common, -pt),
            _ => (common, 1 - pt),
        };
    }

    public double ExpectedScore(double d, double tau)
    {
        var (pw, pt, _, _) = Softmax(d, tau);
        return pw + 0.5 * pt;
    }

    /// <summary>(P(win), P(tie), P(loss), log-normaliser D) at (d, τ).</summary>
    public static (double Win, double Tie, double Loss, double LogNormaliser) Softmax(double d, double tau)
    {
        double half = 0.5 * d;
        double max = Math.Max(Math.Abs(half), tau);
        double ew = Math.Exp(half - max), el = Math.Exp(-half - max), et = Math.Exp(tau - max);
        double sum = ew + el + et;
        return (ew / sum, et / sum, el / sum, max + Math.Log(sum));
    }
}
