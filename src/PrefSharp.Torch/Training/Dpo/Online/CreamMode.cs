namespace PrefSharp.Torch.Training.Dpo.Online;

/// <summary>
/// CREAM consistency regularisation between rounds (Wang et al. 2024, "CREAM: Consistency Regularized Self-Rewarding
/// Language Models"; <see cref="CreamConsistency"/>): off, one consistency rate for the whole round (the mean over its
/// prompts, the reference code's "consistency_avg"), or one per prompt ("consistency_dyn").
/// </summary>
public enum CreamMode
{
    /// <summary>No regularisation: every pair is a hard label (plain DPO).</summary>
    Off,

    /// <summary>One rate C for the round: the mean of the per-prompt rates.</summary>
    Average,

    /// <summary>Each prompt's pairs use that prompt's own rate C_x.</summary>
    PerPrompt,
}
