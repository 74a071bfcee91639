using PrefSharp.Torch.Training.Batches;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Dpo;

/// <summary>Where the DPO objective gets log π_ref(y|x) of a pair batch: a live frozen model, or a cache on disk.</summary>
public interface IReferenceLogProbs
{
    /// <summary>Per-sequence reference log-probs (B) of the chosen and rejected rows, without gradient.</summary>
    (Tensor Chosen, Tensor Rejected) Compute(PairBatch batch);
}
