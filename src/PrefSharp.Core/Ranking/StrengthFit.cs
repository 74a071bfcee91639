namespace PrefSharp.Core.Ranking;

/// <summary>
/// A fitted strength model (pairwise or Plackett–Luce): natural-scale log-strengths β (each connected component centred at mean 0, as choix
/// reports them), the tie parameter τ on the solver's scale (NaN without one), the maximised (penalised) log-likelihood.
/// </summary>
public sealed record StrengthFit(
    string Model, ItemIndex Items, double[] Strengths, double TieParameter, double LogLikelihood, int Iterations, bool Converged)
{
    /// <summary>The tie parameter in the paper's units (Rao–Kupper θ, Davidson ν); NaN for models without one.</summary>
    public double ReportedTieParameter { get; init; } = double.NaN;

    /// <summary>β of the named item.</summary>
    public double StrengthOf(string item) => Strengths[Items.Require(item, nameof(item))];
}
