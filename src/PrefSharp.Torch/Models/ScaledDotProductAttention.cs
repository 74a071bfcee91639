using static TorchSharp.torch;

namespace PrefSharp.Torch.Models;

/// <summary>softmax(q·kᵀ/√D + mask)·v with grouped-query attention, via libtorch's fused <c>scaled_dot_product_attention</c>.</summary>
internal static class ScaledDotProductAttention
{
    /// <summary>
    /// q (B, H, T, D); k, v (B, H_kv, S, D) with H = groups × H_kv. Grouped-query attention (Ainslie et al. 2023,
    /// "GQA: Training Generalized Multi-Query Transformer Models from Multi-Head Checkpoints", Sec. 2.2): query head h
    /// reads key/value head h / groups. Returns (B, H, T, D).
    /// </summary>
    public static Tensor Attend(Tensor query, Tensor key, Tensor value, AttentionInputs inputs, int groups)
    {
        if (groups == 1)
            return nn.functional.scaled_dot_product_attention(query, key, value, inputs.AdditiveMask, 0.0, inputs.IsCausal);
        var (batch, heads, length, headDim) = (query.shape[0], query.shape[1], query.shape[2], query.shape[3]);
        if (length == 1 && !inputs.IsCausal)
        {
            // One query per head: the `groups` query heads of a kv head become `groups` query rows of that kv head,
            // so keys/values are read in place instead of being repeated. The (B, 1, 1, S) mask broadcasts.
            var grouped = query.reshape(batch, heads / groups, groups, headDim);                         // (B, Hkv, g, D)
            var attended = nn.functional.scaled_dot_product_attention(grouped, key, value, inputs.AdditiveMask, 0.0, false);
            return attended.reshape(batch, heads, 1, headDim);                                          // (B, H, 1, D)
        }
        var repeatedKey = key.repeat_interleave(groups, dim: 1);                                        // (B, H, S, D)
        var repeatedValue = value.repeat_interleave(groups, dim: 1);                                    // (B, H, S, D)
        return nn.functional.scaled_dot_product_attention(query, repeatedKey, repeatedValue, inputs.AdditiveMask, 0.0, inputs.IsCausal);
    }
}
