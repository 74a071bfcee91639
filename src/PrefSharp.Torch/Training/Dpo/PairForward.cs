using PrefSharp.Torch.LogProbs;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Batches;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Dpo;

/// <summary>
/// One forward pass for both sides of a <see cref="PairBatch"/>: chosen rows then rejected rows, right-padded to a
/// common width (extra columns are padding: attention and loss mask 0, so no scored position sees them), as TRL's
/// concatenated_forward. One pass of 2B rows instead of two of B halves the kernel launches and autograd bookkeeping.
/// Log-probs follow <see cref="CompletionLogProbs"/> (one-token shift, <see cref="SequenceLogProbs"/>) from the one forward
/// that also yields the last hidden states, which CHES reads.
/// </summary>
public static class PairForward
{
    /// <summary>The 2B-row batch: chosen rows 0..B−1, rejected rows B..2B−1.</summary>
    public static SequenceBatch Concatenate(PairBatch batch)
    {
        using var scope = NewDisposeScope();
        var width = Math.Max(batch.Chosen.InputIds.shape[1], batch.Rejected.InputIds.shape[1]);
        Tensor Widen(Tensor t) => t.shape[1] == width ? t : nn.functional.pad(t, [0, width - t.shape[1]], value: 0);
        Tensor Both(Func<SequenceBatch, Tensor> part) => cat([Widen(part(batch.Chosen)), Widen(part(batch.Rejected))], 0).MoveToOuterDisposeScope();
        return new SequenceBatch(Both(b => b.InputIds), Both(b => b.AttentionMask), Both(b => b.LossMask));
    }

    /// <summary>Log-probs, masks, logits and last hidden states of both sides in one pass (see <see cref="PairForwardResult"/>).</summary>
    public static PairForwardResult Compute(ICausalLM model, PairBatch batch)
    {
        using var scope = NewDisposeScope();
        var both = Concatenate(batch);
        var length = both.InputIds.shape[1];
        if (length < 2) throw new ArgumentException("sequences need at least two tokens to score a completion", nameof(batch));
        var output = model.forward(both.InputIds, both.AttentionMask);
        var logits = output.Logits.narrow(1, 0, length - 1);                                              // (2B, W−1, V)
        var labels = both.InputIds.narrow(1, 1, length - 1);                                              // (2B, W−1)
        var mask = (both.LossMask * both.AttentionMask).narrow(1, 1, length - 1);                         // (2B, W−1)
        var logProbs = SequenceLogProbs.Compute(logits, labels, mask);
        var rows = batch.Count;
        var scored = mask.to(ScalarType.Float32);
        TokenLogProbs Half(long start) => new(logProbs.PerToken.narrow(0, start, rows).MoveToOuterDisposeScope(),
            logProbs.PerSequence.narrow(0, start, rows).MoveToOuterDisposeScope());
        return new PairForwardResult(Half(0), Half(rows), scored.narrow(0, 0, rows).MoveToOuterDisposeScope(),
            scored.narrow(0, rows, rows).MoveToOuterDisposeScope(), logits.MoveToOuterDisposeScope(), labels.MoveToOuterDisposeScope(),
            output.LastHiddenState.narrow(1, 0, length - 1).MoveToOuterDisposeScope());
    }
}
