namespace PrefSharp.Core.Ranking.Active;

/// <summary>The uncertainty whose expected reduction <see cref="ActivePairSelector"/> maximises.</summary>
public enum ActiveSelectionCriterion
{
    /// <summary>Σ_r Var(β_(r) − β_(r+1)): variances of the rating differences between adjacent ranks (the quantity that
    /// decides whether neighbours are ordered correctly). Default.</summary>
    AdjacentRankDifferenceVariance,
    /// <summary>tr Cov(β) = tr I(β)⁻¹: A-optimal design (Kiefer 1959), total rating variance.</summary>
    TotalVariance,
}
