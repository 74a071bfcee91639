namespace PrefSharp.Torch.Training.Ppo;

/// <summary>
/// The coefficients of <see cref="PpoLoss"/>; defaults are TRL's PPOConfig (cliprange 0.2, cliprange_value 0.2,
/// vf_coef 0.1).
/// </summary>
public sealed record PpoLossOptions
{
    /// <summary>ε of the clipped policy surrogate (Schulman et al. 2017, Eq. 7). In (0, 1).</summary>
    public double ClipRange { get; init; } = 0.2;

    /// <summary>ε_v: a new value may move at most this far from the rollout's value before its loss is clipped. &gt; 0.</summary>
    public double ValueClipRange { get; init; } = 0.2;

    /// <summary>c_v, weight of the value loss beside the policy loss (Schulman et al. 2017, Eq. 9). ≥ 0.</summary>
    public double ValueCoefficient { get; init; } = 0.1;

    /// <summary>Throws <see cref="ArgumentException"/> naming the option and its allowed range.</summary>
    public PpoLossOptions Validate()
    {
        if (!(ClipRange > 0 && ClipRange < 1)) throw new ArgumentException($"must be in (0, 1), found {ClipRange}", nameof(ClipRange));
        if (!(ValueClipRange > 0) || double.IsInfinity(ValueClipRange))
            throw new ArgumentException($"must be finite and > 0, found {ValueClipRange}", nameof(ValueClipRange));
        if (!(ValueCoefficient >= 0) || double.IsInfinity(ValueCoefficient))
            throw new ArgumentException($"must be finite and ≥ 0, found {ValueCoefficient}", nameof(ValueCoefficient));
        return this;
    }
}
