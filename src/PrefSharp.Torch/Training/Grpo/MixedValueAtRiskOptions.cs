namespace PrefSharp.Torch.Training.Grpo;

/// <summary>
/// Options of <see cref="MixedValueAtRisk"/> (RiskPO, Ren et al. 2025). Defaults are the authors' MATH script:
/// α = 0.2, β = 0.9, ω = 1.5, bundles of 5 questions.
/// </summary>
public sealed record MixedValueAtRiskOptions
{
    /// <summary>α, the lower quantile level: the tail below it is the CVaR term. In (0, β).</summary>
    public double Lower { get; init; } = 0.2;

    /// <summary>β, the upper quantile level: scores above it get no gradient. In (α, 1].</summary>
    public double Upper { get; init; } = 0.9;

    /// <summary>ω, the weight of the lower-tail CVaR term against the range term. ≥ 0.</summary>
    public double TailWeight { get; init; } = 1.5;

    /// <summary>b, questions per bundle; must divide the prompts per step. ≥ 1 (1: no bundling).</summary>
    public int BundleSize { get; init; } = 5;

    /// <summary>Throws <see cref="ArgumentException"/> naming the option and its allowed range.</summary>
    public MixedValueAtRiskOptions Validate(int promptsPerStep)
    {
        if (!(Lower > 0 && Lower < Upper && Upper <= 1)) throw new ArgumentException($"must satisfy 0 < α < β ≤ 1, found α = {Lower}, β = {Upper}", nameof(Lower));
        if (!(TailWeight >= 0) || double.IsInfinity(TailWeight)) throw new ArgumentException($"must be finite and ≥ 0, found {TailWeight}", nameof(TailWeight));
        if (BundleSize < 1 || promptsPerStep % BundleSize != 0)
            throw new ArgumentException($"must be ≥ 1 and divide the prompts per step {promptsPerStep}, found {BundleSize}", nameof(BundleSize));
        return this;
    }
}
