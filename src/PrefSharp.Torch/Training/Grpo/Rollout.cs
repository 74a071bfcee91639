using PrefSharp.Torch.Batches;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Grpo;

/// <summary>
/// G sampled completions for each of B prompts, laid out by <see cref="GroupLayout"/> (row b·G + g is sample g of
/// prompt b), ready for the loss: <see cref="Batch"/> holds prompt + completion right-padded with only the completion
/// scored, and the per-token log-probs are in the shifted layout of <see cref="LogProbs.CompletionLogProbs"/>,
/// (B·G, T − 1), position t scoring token t + 1, 0 elsewhere.
/// </summary>
/// <param name="OldLogProbs">log π_old of each sampled token as the sampler saw it (at its temperature).</param>
/// <param name="RefLogProbs">log π_ref of the same tokens, when a reference model was given.</param>
/// <param name="Completions">The sampled token ids of each row (stop token included), for rewards and diversity.</param>
public sealed record Rollout(SequenceBatch Batch, Tensor OldLogProbs, Tensor? RefLogProbs, int GroupSize,
    IReadOnlyList<IReadOnlyList<long>> Completions) : IDisposable
{
    /// <summary>Number of prompts B.</summary>
    public int PromptCount => Completions.Count / GroupSize;

    /// <summary>(B·G, T − 1) mask of scored positions, as the loss wants it.</summary>
    public Tensor ScoredMask()
    {
        var length = Batch.InputIds.shape[1];
        return (Batch.LossMask * Batch.AttentionMask).narrow(1, 1, length - 1);
    }

    public void Dispose()
    {
        Batch.Dispose();
        OldLogProbs.Dispose();
        RefLogProbs?.Dispose();
    }
}
