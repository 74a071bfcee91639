using static TorchSharp.torch;
using PrefSharp.Torch.Models;

namespace PrefSharp.Torch.Tests;

/// <summary>
/// Tolerances for comparing two evaluations of the same quantity whose order of floating-point operations may differ
/// (SIMD width such as AVX2 vs AVX-512, matmul blocking, a padded vs an unpadded batch, float32 vs a float64
/// reference). The bound is the worst case of Higham (2002, "Accuracy and Stability of Numerical Algorithms",
/// Lemma 3.1 and Eq. 3.5): a result reached through a chain of n rounded operations on terms of size up to M is off by at
/// most γ_n·M, γ_n = n·u / (1 − n·u), with u the unit roundoff of the dtype. It holds on every machine, and for the
/// tiny models of these tests it stays orders of magnitude below the errors the tests look for (a mask off by one
/// token moves a log-probability by more than 0.1).
/// </summary>
internal static class FloatTolerance
{
    /// <summary>Unit roundoff u = 2^−p of <paramref name="dtype"/> (p = 24 float32, 53 float64, 11 float16, 8 bfloat16).</summary>
    public static double UnitRoundoff(ScalarType dtype) => dtype switch
    {
        ScalarType.Float32 => Math.ScaleB(1, -24),
        ScalarType.Float64 => Math.ScaleB(1, -53),
        ScalarType.Float16 => Math.ScaleB(1, -11),
        ScalarType.BFloat16 => Math.ScaleB(1, -8),
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "not a floating-point type"),
    };

    /// <summary>γ_n · max(|<paramref name="magnitude"/>|, 1) for <paramref name="operations"/> = n chained roundings in <paramref name="dtype"/>.</summary>
    public static double Of(ScalarType dtype, long operations, double magnitude)
    {
        var nu = operations * UnitRoundoff(dtype);
        if (nu >= 1) throw new ArgumentOutOfRangeException(nameof(operations), operations, "n·u ≥ 1: the bound says nothing");
        return nu / (1 - nu) * Math.Max(Math.Abs(magnitude), 1.0);
    }

    /// <summary>
    /// The longest chain of accumulations from the input to a sequence's summed log-probability in a decoder of
    /// <paramref name="config"/> on <paramref name="tokens"/> tokens: per layer two norms, the q/k/v and output
    /// projections (4·d), the MLP's down projection (intermediate) and the attention's softmax and weighted sum
    /// (2·T); then the final norm and the LM head (2·d), the log-softmax over the vocabulary (V) and the sum over tokens (T).
    /// </summary>
    public static long DecoderOperations(ModelConfig config, int tokens) =>
        (long)config.NumLayers * (4L * config.HiddenSize + config.IntermediateSize + 2L * tokens)
        + 2L * config.HiddenSize + config.VocabSize + tokens;

    /// <summary>
    /// Bound on the difference between two float32 evaluations of a reward of <paramref name="model"/> on up to
    /// <paramref name="tokens"/> tokens (another batch size or padding): the decoder's chain, whose LM-head and
    /// vocabulary terms (2·d + V) and the head's two layers (2·h) cover the reward head's dot products.
    /// </summary>
    public static double Reward(PrefSharp.Torch.Rewards.RewardModel model, int tokens, double reward) =>
        Of(ScalarType.Float32, DecoderOperations(model.Config.Backbone, tokens) + 2L * model.Config.ResolvedHeadHiddenSize, reward);
}
