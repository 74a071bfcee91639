namespace PrefSharp.Torch.Losses.Preference;

/// <summary>The divergence f-DPO regularises with (Wang et al. 2024, "Beyond Reverse KL", Table 1).</summary>
public enum FDivergenceKind
{
    /// <summary>f′(u) = log u + 1: plain DPO.</summary>
    ReverseKl,
    /// <summary>f′(u) = −1/u (the α-divergence at α = 1).</summary>
    ForwardKl,
    /// <summary>f′(u) = log(2u / (1 + u)).</summary>
    JensenShannon,
    /// <summary>f′(u) = (1 − u^−α)/α, α from <see cref="PreferenceLossOptions.FDivergenceAlpha"/>.</summary>
    Alpha,
}
