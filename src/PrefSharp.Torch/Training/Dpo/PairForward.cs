using PrefSharp.Torch.LogProbs;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Batches;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Dpo;

/// <summary>
/// One forward pass for both sides of a <see cref="PairBatch"/>: chosen rows then rejected rows, right-padded to a
/// common width (extra columns are padding: attention and loss mask 0, so no scored position sees them), as TRL's
/// concatenated_forward. One pass of 2B rows instead of two of B halves the kernel launches and autograd bookkeeping.
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

    /// <summary>
    /// Log-probs of both sides in one pass: per-token (B, W − 1) and per-sequence (B) for chosen and rejected, the scored
    /// mask (B, W − 1) of each, the logits (2B, W − 1, V) for entropies and WPO weights, and their labels (2B, W − 1).
    /// </summary>
    public static (TokenLogProbs Chosen, TokenLogProbs Rejected, Tensor ChosenMask, Tensor RejectedMask, Tensor Logits, Tensor Labels) Compute(ICausalLM model, PairBatch batch)
    {
        using var scope = NewDisposeScope();
        var both = Concatenate(batch);
        var (logProbs, logits) = CompletionLogProbs.Compute(model, both);
        var rows = batch.Count;
        var length = both.InputIds.shape[1];
        var mask = (both.LossMask * both.AttentionMask).narrow(1, 1, length - 1).to(ScalarType.Float32);
        TokenLogProbs Half(long start) => new(logProbs.PerToken.narrow(0, start, rows).MoveToOuterDisposeScope(),
            logProbs.PerSequence.narrow(0, start, rows).MoveToOuterDisposeScope());
        return (Half(0), Half(rows), mask.narrow(0, 0, rows).MoveToOuterDisposeScope(), mask.narrow(0, rows, rows).MoveToOuterDisposeScope(),
            logits.MoveToOuterDisposeScope(), both.InputIds.narrow(1, 1, length - 1).MoveToOuterDisposeScope());
    }
}
