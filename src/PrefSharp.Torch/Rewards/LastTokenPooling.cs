using static TorchSharp.torch;

namespace PrefSharp.Torch.Rewards;

/// <summary>
/// Reads a sequence's representation at its last real token, as transformers' <c>*ForSequenceClassification</c>
/// does (it takes the rightmost position whose id is not <c>pad_token_id</c>). PrefSharp uses the attention mask
/// instead of the pad id, so a pad id equal to the end-of-sequence id is harmless, and left and right padding both work.
/// </summary>
public static class LastTokenPooling
{
    /// <summary>Index of the rightmost 1 in each row of <paramref name="attentionMask"/> (B, T) → (B) int64.</summary>
    public static Tensor LastRealIndex(Tensor attentionMask)
    {
        using var scope = NewDisposeScope();
        var length = attentionMask.shape[1];
        var positions = arange(1, length + 1, dtype: ScalarType.Int64, device: attentionMask.device);   // (T): 1..T
        var marked = attentionMask.to(ScalarType.Int64).gt(0).to(ScalarType.Int64).mul(positions);    // (B, T)
        var last = marked.amax([1]);                                                                     // (B)
        if (last.eq(0).any().item<bool>())
            throw new ArgumentException("every row of the attention mask needs at least one real token", nameof(attentionMask));
        return last.sub(1).MoveToOuterDisposeScope();
    }

    /// <summary>hidden (B, T, d) at the last real token of each row → (B, d).</summary>
    public static Tensor Pool(Tensor hidden, Tensor attentionMask)
    {
        using var scope = NewDisposeScope();
        var index = LastRealIndex(attentionMask);                                            // (B)
        var gathered = hidden.gather(1, index.view(-1, 1, 1).expand(-1, 1, hidden.shape[2])); // (B, 1, d)
        return gathered.squeeze(1).MoveToOuterDisposeScope();
    }
}
