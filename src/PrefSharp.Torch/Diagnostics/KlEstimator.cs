using static TorchSharp.torch;

namespace PrefSharp.Torch.Diagnostics;

/// <summary>
/// Per-token estimators of KL(π_θ ‖ π_ref) from samples of π_θ (Schulman 2020, "Approximating KL Divergence"), with
/// d = log π_ref − log π_θ at the sampled token. k3 is unbiased and never negative; GRPO uses it (Shao et al. 2024, Eq. 4).
/// </summary>
public static class KlEstimator
{
    /// <summary>k3 = exp(d) − d − 1, element-wise; same shape as the inputs, differentiable in both.</summary>
    public static Tensor K3(Tensor logProbs, Tensor refLogProbs)
    {
        if (!logProbs.shape.SequenceEqual(refLogProbs.shape))
            throw new ArgumentException($"log-probs [{string.Join(", ", logProbs.shape)}] and reference log-probs [{string.Join(", ", refLogProbs.shape)}] differ in shape");
        using var scope = NewDisposeScope();
        var d = refLogProbs - logProbs;
        return (d.exp() - d - 1).MoveToOuterDisposeScope();
    }

    /// <summary>k1 = −d = log π_θ − log π_ref: unbiased, high variance, can be negative.</summary>
    public static Tensor K1(Tensor logProbs, Tensor refLogProbs) => logProbs - refLogProbs;

    /// <summary>Mean of <paramref name="perToken"/> over the positions where <paramref name="mask"/> is 1 (0 when none).</summary>
    public static Tensor MaskedMean(Tensor perToken, Tensor mask)
    {
        using var scope = NewDisposeScope();
        var m = mask.to(perToken.dtype);
        return ((perToken * m).sum() / m.sum().clamp_min(1.0)).MoveToOuterDisposeScope();
    }
}
