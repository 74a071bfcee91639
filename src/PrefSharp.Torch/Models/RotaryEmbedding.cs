using static TorchSharp.torch;

namespace PrefSharp.Torch.Models;

/// <summary>
/// Rotary position embedding, RoPE (Su et al. 2021, "RoFormer: Enhanced Transformer with Rotary Position Embedding",
/// Eq. 34): each pair of coordinates is rotated by the angle m·θᵢ, θᵢ = base^(−2i/D), for a token at position m, so
/// that q·k depends only on the relative position. Hugging Face pairs coordinate i with i + D/2 ("rotate_half")
/// rather than 2i with 2i+1: the same rotation on permuted coordinates, matching Llama/Qwen2 checkpoints.
/// </summary>
public static class RotaryEmbedding
{
    /// <summary>θᵢ = base^(−2i/D) for i = 0 … D/2 − 1, computed in double.</summary>
    public static float[] InverseFrequencies(int headDim, double theta) =>
        [.. Enumerable.Range(0, headDim / 2).Select(i => (float)(1.0 / Math.Pow(theta, 2.0 * i / headDim)))];

    /// <summary>
    /// cos and sin of the angles for position ids (B, T): each (B, 1, T, D), the D/2 angles repeated twice, in
    /// <paramref name="dtype"/> (the angles themselves are computed in float32, as transformers does).
    /// </summary>
    public static (Tensor Cos, Tensor Sin) CosSin(Tensor positionIds, int headDim, double theta, ScalarType dtype)
    {
        var inverse = tensor(InverseFrequencies(headDim, theta), device: positionIds.device);   // (D/2)
        var angles = positionIds.to(ScalarType.Float32).unsqueeze(-1) * inverse;                 // (B, T, D/2)
        var doubled = cat([angles, angles], dim: -1).unsqueeze(1);                               // (B, 1, T, D)
        return (doubled.cos().to(dtype), doubled.sin().to(dtype));
    }

    /// <summary>x·cos + rotate_half(x)·sin for x (B, H, T, D).</summary>
    public static Tensor Apply(Tensor x, Tensor cos, Tensor sin) => x * cos + RotateHalf(x) * sin;

    /// <summary>(x₁, x₂) → (−x₂, x₁), the halves taken along the last dimension.</summary>
    public static Tensor RotateHalf(Tensor x)
    {
        var half = x.shape[^1] / 2;
        var first = x.narrow(-1, 0, half);
        var second = x.narrow(-1, half, half);
        return cat([second.neg(), first], dim: -1);
    }

    /// <summary>sin with the sign of rotate_half folded in: (−sin₁, sin₂) for the two halves.</summary>
    public static Tensor SignedSin(Tensor sin)
    {
        var half = sin.shape[^1] / 2;
        return cat([sin.narrow(-1, 0, half).neg(), sin.narrow(-1, half, half)], dim: -1);
    }

    /// <summary>
    /// The same rotation as <see cref="Apply"/> in fewer operations: rotate_half(x)·sin = roll(x, D/2)·signedSin,
    /// with <paramref name="signedSin"/> from <see cref="SignedSin"/>.
    /// </summary>
    public static Tensor ApplyFast(Tensor x, Tensor cos, Tensor signedSin) =>
        (x * cos).addcmul_(x.roll(x.shape[^1] / 2, -1), signedSin, 1.0);
}
