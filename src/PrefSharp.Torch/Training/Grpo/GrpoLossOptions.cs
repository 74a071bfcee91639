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

    /// <summary>
    /// STEER's token weights (w_min, w_max) (Hao et al. 2025; <see cref="EntropyChangeWeights"/>): each token's policy term
    /// is scaled by a weight falling linearly with its estimated entropy change |Ω|; the authors use (0.8, 1.2); null = off.
    /// </summary>
    public (double Min, double Max)? EntropyChangeWeighting { get; init; }

    /// <summary>The per-token surrogate: PPO's clip (default), CISPO or SAPO.</summary>
    public PolicySurrogate Surrogate { get; init; } = PolicySurrogate.Clip;

    /// <summary>
    /// Two-sided clipping (INTELLECT-2, arXiv 2505.07291; TRL <c>delta</c>): the unclipped term uses min(r, δ), so a
    /// negative advantage cannot push an already large ratio further; null = off. Must exceed 1 + ε_high.
    /// </summary>
    public double? Delta { get; init; }

    /// <summary>SAPO's τ_pos for Â &gt; 0 (TRL default 1.0).</summary>
    public double SapoTemperaturePositive { get; init; } = 1.0;

    /// <summary>SAPO's τ_neg for Â ≤ 0 (TRL default 1.05).</summary>
    public double SapoTemperatureNegative { get; init; } = 1.05;

    /// <summary>ρ: only the top-ρ tokens by entropy enter the policy term (<see cref="HighEntropyTokens"/>); 1 = all (TRL default).</summary>
    public double TopEntropyQuantile { get; init; } = 1.0;

    /// <summary>Whether the loss reads per-token entropies (the bonus, the top-entropy mask, STEER).</summary>
    public bool NeedsEntropies => EntropyCoefficient != 0 || TopEntropyQuantile < 1 || EntropyChangeWeighting is not null;

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
        if (EntropyChangeWeighting is { } steer && !(steer.Min >= 0 && steer.Min <= steer.Max && double.IsFinite(steer.Max)))
            throw new ArgumentException($"must satisfy 0 ≤ w_min ≤ w_max < ∞, found ({steer.Min}, {steer.Max})", nameof(EntropyChangeWeighting));
        if (Delta is { } delta && !(delta > 1 + ResolvedEpsilonHigh && double.IsFinite(delta)))
            throw new ArgumentException($"must be finite and > 1 + ε_high = {1 + ResolvedEpsilonHigh}, found {delta}", nameof(Delta));
        if (!(SapoTemperaturePositive > 0 && SapoTemperatureNegative > 0) || !double.IsFinite(SapoTemperaturePositive + SapoTemperatureNegative))
            throw new ArgumentException($"must be finite and > 0, found τ_pos = {SapoTemperaturePositive}, τ_neg = {SapoTemperatureNegative}", nameof(SapoTemperaturePositive));
        if (!(TopEntropyQuantile >= 0 && TopEntropyQuantile <= 1)) throw new ArgumentException($"must be in [0, 1], found {TopEntropyQuantile}", nameof(TopEntropyQuantile));
        if (Surrogate == PolicySurrogate.Cispo && EpsilonHigh is null)
            throw new ArgumentException("CISPO caps the ratio at ε_max = EpsilonHigh, which must be set (ScaleRL recommends 5)", nameof(EpsilonHigh));
        if (Aggregation == LossAggregation.Luspo && ImportanceSampling != ImportanceSamplingLevel.Sequence)
            throw new ArgumentException("luspo weights GSPO's sequence loss by length: it needs sequence-level importance sampling", nameof(Aggregation));
        if (!Enum.IsDefined(Surrogate)) throw new ArgumentException($"unknown value {Surrogate}", nameof(Surrogate));
        if (!Enum.IsDefined(Aggregation)) throw new ArgumentException($"unknown value {Aggregation}", nameof(Aggregation));
        if (!Enum.IsDefined(ImportanceSampling)) throw new ArgumentException($"unknown value {ImportanceSampling}", nameof(ImportanceSampling));
        return this;
    }
}
