using PrefSharp.Torch.Models;
using PrefSharp.Torch.Batches;
using static TorchSharp.torch;

namespace PrefSharp.Torch.LogProbs;

/// <summary>
/// log π(completion | prompt) of a <see cref="SequenceBatch"/> under a causal LM: one forward pass, the one-token
/// shift (logits at t predict token t + 1), and <see cref="SequenceLogProbs"/> over the scored positions.
/// </summary>
public static class CompletionLogProbs
{
    /// <summary>
    /// Per-token (B, T − 1) log-probs of tokens 1..T−1, 0 where unscored, and their per-sequence sums (B).
    /// Also returns the logits (B, T − 1, V) for callers that need entropies.
    /// </summary>
    public static (TokenLogProbs LogProbs, Tensor Logits) Compute(ICausalLM model, SequenceBatch batch)
    {
        using var scope = NewDisposeScope();
        var (logProbs, logits, _) = ComputeWithHidden(model, batch);
        return (new TokenLogProbs(logProbs.PerToken.MoveToOuterDisposeScope(), logProbs.PerSequence.MoveToOuterDisposeScope()),
            logits.MoveToOuterDisposeScope());
    }

    /// <summary>As <see cref="Compute"/>, and the last hidden states (B, T, d) of the same forward pass (for a value head).</summary>
    public static (TokenLogProbs LogProbs, Tensor Logits, Tensor Hidden) ComputeWithHidden(ICausalLM model, SequenceBatch batch)
    {
        using var scope = NewDisposeScope();
        var length = batch.InputIds.shape[1];
        if (length < 2) throw new ArgumentException("sequences need at least two tokens to score a completion", nameof(batch));
        var output = model.forward(batch.InputIds, batch.AttentionMask);
        var logits = output.Logits.narrow(1, 0, length - 1);                                              // (B, T−1, V)
        var labels = batch.InputIds.narrow(1, 1, length - 1).to(logits.device);                           // (B, T−1)
        var scored = (batch.LossMask * batch.AttentionMask).narrow(1, 1, length - 1).to(logits.device);    // (B, T−1)
        var logProbs = SequenceLogProbs.Compute(logits, labels, scored);
        return (new TokenLogProbs(logProbs.PerToken.MoveToOuterDisposeScope(), logProbs.PerSequence.MoveToOuterDisposeScope()),
            logits.MoveToOuterDisposeScope(), output.LastHiddenState.MoveToOuterDisposeScope());
    }
}
