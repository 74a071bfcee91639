using static TorchSharp.torch;

namespace PrefSharp.Torch.Models;

/// <summary>Builds position ids and the causal + padding mask of one forward.</summary>
internal static class AttentionMasks
{
    /// <summary>
    /// For T new tokens after <paramref name="pastLength"/> cached ones. Query t (absolute index past + t) may attend
    /// to key s when s ≤ past + t and the key is a real token. Disallowed scores get the dtype's most negative finite
    /// value (not −∞), so that the rows of padding queries, which allow nothing, stay finite. Position ids count real
    /// tokens: cumsum(mask) − 1 (1 at padding, as transformers does).
    /// </summary>
    public static AttentionInputs Prepare(Tensor? attentionMask, long batch, long queryLength, long pastLength,
        ScalarType dtype, Device device)
    {
        var total = pastLength + queryLength;
        if (attentionMask is null)
        {
            var positions = arange(pastLength, total, ScalarType.Int64, device).unsqueeze(0).expand(batch, queryLength);
            if (pastLength == 0 || queryLength == 1)
                return new AttentionInputs(positions, null, IsCausal: queryLength > 1);
            attentionMask = ones(batch, total, ScalarType.Int64, device);
        }
        if (attentionMask.dim() != 2 || attentionMask.shape[0] != batch || attentionMask.shape[1] != total)
            throw new ArgumentException(
                $"attention mask must be (B={batch}, cached + new = {total}), found [{string.Join(", ", attentionMask.shape)}]",
                nameof(attentionMask));
        if (queryLength == 1 && pastLength > 0) return OneNewToken(attentionMask, batch, total, dtype);
        if (pastLength == 0 && IsRightPadded(attentionMask))
        {
            // Training batches: real tokens first, padding after. Causal attention alone never lets a real query see
            // a padding key (those come later), and real positions are 0..n−1, so the fused causal kernel gives the
            // masked result at every real position; padding positions are meaningless either way.
            var positions = arange(0, queryLength, ScalarType.Int64, device).unsqueeze(0).expand(batch, queryLength);
            return new AttentionInputs(positions, null, IsCausal: true);
        }
        return General(attentionMask, batch, queryLength, pastLength, dtype, device);
    }

    /// <summary>True when every row is ones then zeros (no left padding): one host sync per forward.</summary>
    private static bool IsRightPadded(Tensor attentionMask)
    {
        using var scope = NewDisposeScope();
        var real = attentionMask.to(ScalarType.Bool);                                          // (B, S)
        var firstReal = real.narrow(1, 0, 1).all();
        var length = real.shape[1];
        var monotone = length < 2 ? firstReal
            : real.narrow(1, 1, length - 1).logical_and(real.narrow(1, 0, length - 1).logical_not()).any().logical_not();
        return firstReal.logical_and(monotone).item<bool>();
    }

    /// <summary>Decoding one token: every key is in its past, so only padding is masked; its position is the real-token count − 1.</summary>
    private static AttentionInputs OneNewToken(Tensor attentionMask, long batch, long total, ScalarType dtype)
    {
        var mask = attentionMask.to(ScalarType.Int64);
        var positionIds = (mask.sum(1, keepdim: true) - 1).clamp_min(0);                         // (B, 1)
        var additive = mask.eq(0).to(dtype).mul(finfo(dtype).min).view(batch, 1, 1, total);      // (B, 1, 1, S)
        return new AttentionInputs(positionIds, additive, IsCausal: false);
    }

    private static AttentionInputs General(Tensor attentionMask, long batch, long queryLength, long pastLength,
        ScalarType dtype, Device device)
    {
        var total = pastLength + queryLength;
        var real = attentionMask.to(ScalarType.Bool);                                          // (B, S)
        var positionIds = (attentionMask.to(ScalarType.Int64).cumsum(1) - 1)
            .masked_fill(real.logical_not(), 1)
            .narrow(1, pastLength, queryLength);                                              // (B, T)
        var keyIndex = arange(total, ScalarType.Int64, device).unsqueeze(0);                  // (1, S)
        var queryIndex = arange(pastLength, total, ScalarType.Int64, device).unsqueeze(1);   // (T, 1)
        var allowed = keyIndex.le(queryIndex).unsqueeze(0).logical_and(real.unsqueeze(1));    // (B, T, S)
        var additive = zeros([batch, 1, queryLength, total], dtype, device)
            .masked_fill(allowed.unsqueeze(1).logical_not(), finfo(dtype).min);               // (B, 1, T, S)
        return new AttentionInputs(positionIds, additive, IsCausal: false);
    }
}
