using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Reward;

/// <summary>
/// The flip-aware Bradley–Terry likelihood for labels flipped at random with rate ε: the negative log-probability of
/// the OBSERVED label under "the annotator meant σ(Δ), then the label was swapped with probability ε",
/// ℓ = −log[(1 − ε)·σ(Δ) + ε·σ(−Δ)], Δ = r(x, y_c) − r(x, y_r).
/// This is forward loss correction (Patrini et al. 2017, "Making Deep Neural Networks Robust to Label Noise: a Loss
/// Correction Approach", §3, Theorem 2) for the two-outcome BT model, and the flipping-aware BT loss of Xu et al. 2025
/// ("When Human Preferences Flip: An Instance-Dependent Robust Loss for RLHF", §3) with one flip rate for every pair
/// instead of their learned per-pair rate. Unlike the de-biased loss (<see cref="DebiasedRewardLoss"/>, backward
/// correction) it is a proper likelihood and bounded: a pair the model confidently orders the other way costs at most
/// −log ε and its gradient vanishes, so flipped pairs cannot drag the reward gap without limit. For a pair whose label
/// reads "chosen" with frequency q, the minimiser is the CLEAN gap: σ(Δ*) = (q − ε)/(1 − 2ε) when q ∈ [ε, 1 − ε].
/// ε = 0 is Bradley–Terry; ε ∈ [0, 0.5) (set it to the estimated flip rate).
/// </summary>
public static class FlipAwareRewardLoss
{
    /// <summary>Per-pair losses (B).</summary>
    public static Tensor Compute(Tensor chosen, Tensor rejected, double flipRate)
    {
        RewardLossChecks.InRange(flipRate, 0, 0.5, nameof(flipRate), includeHigh: false);
        using var scope = NewDisposeScope();
        RewardLossChecks.SameShape(chosen, rejected);
        var gap = chosen - rejected;
        var kept = nn.functional.logsigmoid(gap) + Math.Log(1 - flipRate);
        var loss = flipRate == 0 ? -kept : -logaddexp(kept, nn.functional.logsigmoid(-gap) + Math.Log(flipRate));
        return loss.MoveToOuterDisposeScope();
    }
}
