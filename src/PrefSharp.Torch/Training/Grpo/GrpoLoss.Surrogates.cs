using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Grpo;

/// <summary>The per-token surrogates of <see cref="PolicySurrogate"/>, before masking; ratio and advantage broadcast to (B, T).</summary>
public static partial class GrpoLoss
{
    private static Tensor Surrogate(Tensor ratio, Tensor advantage, Tensor logProbs, GrpoLossOptions options) => options.Surrogate switch
    {
        PolicySurrogate.Cispo => -(ratio.clamp_max(options.ResolvedEpsilonHigh).detach() * advantage * logProbs),
        PolicySurrogate.Sapo => SoftGated(ratio, advantage, options),
        _ => Clipped(ratio, advantage, options),
    };

    /// <summary>−min(min(r, δ)·Â, clip(r, 1 − ε_low, 1 + ε_high)·Â); δ is INTELLECT-2's two-sided cap (Prime Intellect 2025, "INTELLECT-2", arXiv 2505.07291).</summary>
    private static Tensor Clipped(Tensor ratio, Tensor advantage, GrpoLossOptions options)
    {
        var unclipped = (options.Delta is { } delta ? ratio.clamp_max(delta) : ratio) * advantage;
        var clipped = ratio.clamp(1 - options.EpsilonLow, 1 + options.ResolvedEpsilonHigh) * advantage;
        return -minimum(unclipped, clipped);
    }

    /// <summary>SAPO's −(4/τ)·σ(τ(r − 1))·Â, τ chosen by the sign of Â.</summary>
    private static Tensor SoftGated(Tensor ratio, Tensor advantage, GrpoLossOptions options)
    {
        var temperature = where(advantage.gt(0), options.SapoTemperaturePositive, options.SapoTemperatureNegative).to(ratio.dtype);
        return -((temperature * (ratio - 1)).sigmoid() * 4 / temperature * advantage);
    }
}
