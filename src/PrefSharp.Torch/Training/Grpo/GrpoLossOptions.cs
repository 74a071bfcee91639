namespace PrefSharp.Torch.Training.Grpo;

/// <summary>
/// Options of <see cref="GrpoLoss"/>. Defaults are TRL's GRPOConfig (v0.2x): ε = 0.2 both sides, β = 0, loss type
/// "dapo", token-level ratios. DAPO's paper setting is ε_low = 0.2, ε_high = 0.28; GSPO's is sequence-level ratios
/// with ε_low = 3e-4, ε_high = 4e-4.
/// </summary>
public sealed record GrpoLossOptions
{
    /// <summary>Lower clip range: ratios below 1 − ε_low stop helping a negative advantage (PPO, Schulman et al. 2017, Eq. 7).</summary>
    public double EpsilonLow { get; init; } = 0.2;

    /// <summary>Upper clip range ε_high ("clip-higher", DAPO §3.1); null means the same as <see cref="EpsilonLow"/>.</summary>
    public double? EpsilonHigh { get; init; }

    /// <summary>Weight β of the k3 KL estimator to the reference policy (Shao et al. 2024, Eq. 4); TRL's default 0 skips it.</summary>
    public double Beta { get; init; }

    /// <summary>Reduction of per-token losses.</summary>
    public LossAggregation Aggregation { get; init; } = LossAggregation.Dapo;

    /// <summary>Token- or sequence-level importance ratio.</summary>
    public ImportanceSamplingLevel ImportanceSampling { get; init; } = ImportanceSamplingLevel.Token;

    /// <summary>L_max of <see cref="LossAggregation.DrGrpo"/> (the generation budget); 0 uses the width T of the mask.</summary>
    public int MaxCompletionLength { get; init; }

    /// <summary>Entropy bonus c: ℓ_{i,t} −= c·H_{i,t} (Williams and Peng 1991; Mnih et al. 2016, Eq. in §4); 0 = off.</summary>
    public double EntropyCoefficient { get; init; }

    /// <summary>ε_high as used (the default falls back to ε_low).</summary>
    public double ResolvedEpsilonHigh => EpsilonHigh ?? EpsilonLow;

    /// <summary>Throws <see cref="ArgumentException"/> naming the option and its allowed range.</summary>
    public GrpoLossOptions Validate()
    {
        if (!(EpsilonLow >= 0 && EpsilonLow < 1)) throw new ArgumentException($"must be in [0, 1), found {EpsilonLow}", nameof(EpsilonLow));
        if (!(ResolvedEpsilonHigh >= 0) || double.IsInfinity(ResolvedEpsilonHigh))
            throw new ArgumentException($"must be finite and ≥ 0, found {EpsilonHigh}", nameof(EpsilonHigh));
        if (!(Beta >= 0) || double.IsInfinity(Beta)) throw new ArgumentException($"must be finite and ≥ 0, found {Beta}", nameof(Beta));
        if (MaxCompletionLength < 0) throw new ArgumentException($"must be ≥ 0 (0 = mask width), found {MaxCompletionLength}", nameof(MaxCompletionLength));
        if (!double.IsFinite(EntropyCoefficient)) throw new ArgumentException($"must be finite, found {EntropyCoefficient}", nameof(EntropyCoefficient));
        if (!Enum.IsDefined(Aggregation)) throw new ArgumentException($"unknown value {Aggregation}", nameof(Aggregation));
        if (!Enum.IsDefined(ImportanceSampling)) throw new ArgumentException($"unknown value {ImportanceSampling}", nameof(ImportanceSampling));
        return this;
    }
}
