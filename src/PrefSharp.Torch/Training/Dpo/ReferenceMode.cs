namespace PrefSharp.Torch.Training.Dpo;

/// <summary>Where a <see cref="DpoTrainer"/> gets log π_ref(y|x).</summary>
public enum ReferenceMode
{
    /// <summary>A frozen copy of the model runs a forward pass on every batch (needed for TR-DPO sync and LD-DPO).</summary>
    Live,

    /// <summary>Reference log-probs computed once before training and kept on disk (<see cref="ReferenceLogProbCache"/>).</summary>
    Cached,

    /// <summary>No reference: reference-free losses (SimPO, ORPO, CPO, MaPO) or DPO with log π_ref ≡ 0.</summary>
    None,
}
