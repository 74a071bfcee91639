namespace PrefSharp.Core.Ranking;

/// <summary>
/// A pairwise comparison model seen through one compared pair: its log-likelihood contribution as a function
/// of the strength difference d = β_first − β_second and, for the tie models, a tie parameter τ, with the first
/// and second partial derivatives that Newton's method needs. Implementations are structs so that the generic
/// solver (<see cref="PairwiseNewtonSolver"/>) inlines them. The tie members default to a model without ties
/// (Bradley–Terry, Thurstone); the tie models override them.
/// </summary>
public interface IPairwiseLikelihood
{
    /// <summary>The model's name in leaderboards ("bt", "rao-kupper", …).</summary>
    string Name { get; }

    /// <summary>True when the model has a tie parameter τ estimated with the strengths.</summary>
    bool HasTieParameter => false;

    /// <summary>A starting τ that reproduces the observed tie fraction between equal items.</summary>
    double InitialTieParameter(double tieFraction) => double.NaN;

    /// <summary>The value of τ at the boundary where ties have probability 0 (used when the data hold no tie).</summary>
    double NoTieParameter => double.NaN;

    /// <summary>Whether τ lies in the parameter space (Rao–Kupper needs τ = log θ &gt; 0).</summary>
    bool IsFeasible(double tau) => true;

    /// <summary>The tie parameter in the paper's units (Rao–Kupper θ = e^τ, Davidson ν = e^τ).</summary>
    double ReportedTieParameter(double tau) => double.NaN;

    /// <summary>The pair's log-likelihood contribution at (d, τ) and its partial derivatives.</summary>
    double Evaluate(double d, double tau, PairwiseCounts counts, int pair, out PairDerivatives derivatives);

    /// <summary>∂/∂d and ∂/∂τ of log P(outcome) for one battle of unit weight (the per-battle score of the sandwich estimator).</summary>
    (double D, double Tau) BattleScore(double d, double tau, PairOutcome outcome, double firstScore);

    /// <summary>The first item's expected score P(win) + ½·P(tie) at (d, τ): the win rate against an opponent.</summary>
    double ExpectedScore(double d, double tau);
}

/// <summary>Partial derivatives of a pair's log-likelihood in d and τ (first and second order).</summary>
public readonly record struct PairDerivatives(double D, double Tau, double DD, double DTau, double TauTau);
