using PrefSharp.Torch.LogProbs;
using PrefSharp.Torch.Batches;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Dpo;

/// <summary>Where the DPO objective gets log π_ref(y|x) of a pair batch: a live frozen model, or a cache on disk.</summary>
public interface IReferenceLogProbs
{
    /// <summary>Per-sequence reference log-probs (B) of the chosen and rejected rows, without gradient.</summary>
    (Tensor Chosen, Tensor Rejected) Compute(PairBatch batch);

    /// <summary>True when <see cref="ComputePerToken"/> is available (a live model; a cache of sums is not).</summary>
    bool HasPerToken => false;

    /// <summary>Per-token (B, T − 1) and per-sequence (B) reference log-probs of both sides, without gradient (LD-DPO).</summary>
    (TokenLogProbs Chosen, TokenLogProbs Rejected) ComputePerToken(PairBatch batch) =>
        throw new NotSupportedException($"{GetType().Name} holds no per-token reference log-probs");
}
