using static TorchSharp.torch;

namespace PrefSharp.Torch.Models;

/// <summary>softmax(q·kᵀ/√D + mask)·v with grouped-query attention, via libtorch's fused <c>scaled_dot_product_attention</c>.</summary>
internal static class ScaledDotProductAttention
{
    /// <summary>
    /// q (B, H, T, D); k, v (B, H_kv, S, D) with H = groups × H_kv. Grouped-query attention (Ainslie et al. 2023,
    /// "GQA: Training Generalized Multi-Query Transformer Models from Multi-Head Checkpoints", Sec. 2.2): query head h
    /// reads key/value head h / groups, i.e. each key/value head is repeated <paramref name="groups"/> times in place.
    /// Returns (B, H, T, D).
    /// </summary>
    public static Tensor Attend(Tensor query, Tensor key, Tensor value, AttentionInputs inputs, int groups)
    {
        if (groups > 1)
        {
            key = key.repeat_interleave(groups, dim: 1);      // (B, H, S, D)
            value = value.repeat_interleave(groups, dim: 1);  // (B, H, S, D)
        }
        return nn.functional.scaled_dot_product_attention(query, key, value, inputs.AdditiveMask, 0.0, inputs.IsCausal);
    }
}
