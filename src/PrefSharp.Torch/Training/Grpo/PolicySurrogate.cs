namespace PrefSharp.Torch.Training.Grpo;

/// <summary>The per-token surrogate of <see cref="GrpoLoss"/> (the first half of TRL's <c>loss_type</c>); r = π_θ / π_old.</summary>
public enum PolicySurrogate
{
    /// <summary>
    /// PPO's clipped surrogate (Schulman et al. 2017, Eq. 7; GRPO, Shao et al. 2024, Eq. 3):
    /// ℓ = −min(min(r, δ)·Â, clip(r, 1 − ε_low, 1 + ε_high)·Â), δ = ∞ unless two-sided clipping is on.
    /// </summary>
    Clip,

    /// <summary>
    /// CISPO (MiniMax 2025, "MiniMax-M1: Scaling Test-Time Compute Efficiently with Lightning Attention", arXiv 2506.13585, §3.1): clip the
    /// importance weight, not the update, and keep every token's gradient: ℓ = −sg(min(r, ε_max))·Â·log π_θ, with
    /// ε_max = ε_high (TRL's convention; ScaleRL recommends 5).
    /// </summary>
    Cispo,

    /// <summary>
    /// SAPO (Gao et al. 2025, "Soft Adaptive Policy Optimization", arXiv 2511.20347, the soft gate f(r) = σ(τ(r − 1))·4/τ): a smooth gate in place of the hard clip,
    /// ℓ = −(4/τ)·σ(τ(r − 1))·Â with τ = τ_pos for Â &gt; 0 and τ_neg otherwise; its gradient at r = 1 is the plain
    /// policy gradient (σ'(0) = ¼).
    /// </summary>
    Sapo,
}
