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
        RewardLossChecks.SameShape(chosen, rejected);
        var gap = chosen - rejected;
        var win = -nn.functional.softplus(threshold - gap);                                       // log σ(Δ − η)
        var tie = -nn.functional.softplus(threshold - gap) - nn.functional.softplus(gap + threshold)
                  + Math.Log(Math.Exp(2 * threshold) - 1);                                        // log P(tie)
        return where(isTie, -tie, -win).MoveToOuterDisposeScope();
    }
}
