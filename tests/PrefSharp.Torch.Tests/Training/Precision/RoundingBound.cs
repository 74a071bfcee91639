using PrefSharp.Torch.Models;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Training.Precision;

/// <summary>
/// How far a bfloat16 (or float16) forward of a tiny decoder may sit from the float32 one. bfloat16 keeps 8 significant
/// bits, so each rounding has relative error at most u = 2⁻⁸ (float16: 11 bits, 2⁻¹¹); CPU kernels accumulate
/// reduced-precision products and reductions in float32, so the roundings that count are the S stage outputs and rounded weights along a logit's path. Treating
/// them as independent and zero-mean, the relative error of a logit is at most λ·√S·u with probability
/// ≥ 1 − 2·exp(−λ²/2) (Higham &amp; Mary 2019, "A New Approach to Probabilistic Rounding Error Analysis", Thm 3.1);
/// λ = 5 makes a false failure rarer than 1 in 10⁵. A log-probability log p_y = z_y − logsumexp(z) moves by at most
/// 2·max|Δz|, so one token's log-probability, and the mean over tokens, moves by at most 2·λ·√S·u·max|z|.
/// A few optimiser steps add a drift: the two runs' master weights may differ by up to 2·η per step and weight
/// (AdamW's step is at most η per element), a relative error 2·η·(t − 1)/σ for weights of scale σ in each of
/// the M weight matrices on the path.
/// </summary>
internal static class RoundingBound
{
    private const double Lambda = 5;

    /// <summary>
    /// Rounded stages along a logit's path: per layer 2 norms, 7 projections each with a rounded weight and a rounded
    /// output (14), rotary/position mixing of q and k (2), scores, softmax and weighted sum (3), activation and
    /// gate product (2), 2 residual additions: 25; then the embedding, the final norm, and the LM head's weight and output.
    /// </summary>
    public static int Stages(ModelConfig config) => 25 * config.NumLayers + 4;

    /// <summary>Weight matrices along the path: 7 per layer and the LM head.</summary>
    public static int Matrices(ModelConfig config) => 7 * config.NumLayers + 1;

    /// <summary>The bound on |Δ log p| in <paramref name="dtype"/> of one token at step <paramref name="step"/> (1-based) of a run at learning rate <paramref name="learningRate"/>.</summary>
    public static double TokenLogProb(ModelConfig config, double maxAbsLogit, int step, double learningRate,
        ScalarType dtype = ScalarType.BFloat16)
    {
        var rounding = Lambda * Math.Sqrt(Stages(config)) * FloatTolerance.UnitRoundoff(dtype);
        var drift = Matrices(config) * 2 * learningRate * (step - 1) / config.InitializerRange;
        return 2 * (rounding + drift) * maxAbsLogit;
    }
}
