using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Reward;

/// <summary>
/// Rao–Kupper ties for reward models (Rao and Kupper 1967, Eq. 2.1–2.2, with strengths π = e^r and threshold θ = e^η):
/// P(c ≻ r) = σ(Δ − η), P(r ≻ c) = σ(−Δ − η), P(tie) = 1 − σ(Δ − η) − σ(−Δ − η), Δ = r_c − r_r, η ≥ 0.
/// ℓ = −log P(observed outcome). With η = 0 and no ties it is Bradley–Terry. A tie's probability is computed as
/// σ(Δ−η)·σ(−Δ−η)·(e^{2η} − 1) (the same number, without cancellation), so its log is finite for large gaps.
/// Default η = log 1.5 ≈ 0.405 (θ = 1.5), PrefSharp's choice when the data do not fix it; fit it on held-out ties.
/// </summary>
public static class RaoKupperRewardLoss
{
    /// <summary>The default tie threshold η = log 1.5.</summary>
    public static readonly double DefaultThreshold = Math.Log(1.5);

    /// <summary>Per-pair losses (B); <paramref name="isTie"/> (B) bool: true where the pair was judged a tie.</summary>
    public static Tensor Compute(Tensor chosen, Tensor rejected, Tensor isTie, double threshold)
    {
        if (!(threshold > 0) || double.IsInfinity(threshold))
            throw new ArgumentException($"threshold must be finite and > 0 (ties need η > 0), found {threshold}", nameof(threshold));
        using var scope = NewDisposeScope();
        return Compute(chosen, rejected, isTie, tensor(threshold, chosen.dtype, chosen.device)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The same with a learnable threshold η (a scalar tensor &gt; 0, e.g. softplus of a parameter), so η is fitted
    /// jointly with the rewards by maximum likelihood; log(e^{2η} − 1) is computed as 2η + log(−expm1(−2η)).
    /// </summary>
    public static Tensor Compute(Tensor chosen, Tensor rejected, Tensor isTie, Tensor threshold)
    {
        using var scope = NewDisposeScope();
        RewardLossChecks.SameShape(chosen, rejected);
        if (!isTie.shape.SequenceEqual(chosen.shape)) throw new ArgumentException("isTie must be (B) like chosen", nameof(isTie));
        var gap = chosen - rejected;
        var win = -nn.functional.softplus(threshold - gap);                                        // log σ(Δ − η)
        var tieScale = threshold * 2 + threshold.mul(-2).expm1().neg().log();                      // log(e^{2η} − 1)
        var tie = win - nn.functional.softplus(gap + threshold) + tieScale;                        // log P(tie)
        return where(isTie, -tie, -win).MoveToOuterDisposeScope();
    }
}
