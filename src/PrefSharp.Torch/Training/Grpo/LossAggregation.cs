namespace PrefSharp.Torch.Training.Grpo;

/// <summary>How per-token policy losses ℓ_{i,t} are reduced to one number (TRL's <c>loss_type</c>); m = completion mask.</summary>
public enum LossAggregation
{
    /// <summary>(1/B) Σ_i (Σ_t ℓ_{i,t} m_{i,t} / Σ_t m_{i,t}): mean per sequence, then over sequences (Shao et al. 2024, Eq. 3). Length-biased.</summary>
    Grpo,

    /// <summary>Σ ℓ m / Σ m over the micro-batch's tokens (TRL "bnpo": batch-normalised, per micro-batch).</summary>
    Bnpo,

    /// <summary>Σ ℓ m / (B · L_max), a constant normaliser (Dr. GRPO, Liu et al. 2025, Eq. 3 / §3.1).</summary>
    DrGrpo,

    /// <summary>
    /// Σ ℓ m / (tokens in the whole global batch), token-level (DAPO, Yu et al. 2025, Eq. 10 / §3.3); TRL's default
    /// since v0.2x. Equals <see cref="Bnpo"/> within one micro-batch; differs when the normaliser spans accumulation.
    /// </summary>
    Dapo,

    /// <summary>
    /// Σ_i |y_i|·ℓ_i / B: GSPO's sequence loss weighted by the sequence length (LUSPO, "Length-Unbiased Sequence Policy
    /// Optimization", arXiv 2602.05261; TRL <c>luspo</c>), which removes GSPO's bias toward short sequences. Needs
    /// sequence-level importance ratios.
    /// </summary>
    Luspo,
}
