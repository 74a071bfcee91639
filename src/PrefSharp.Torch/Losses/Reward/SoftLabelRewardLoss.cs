using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Reward;

/// <summary>
/// Bradley–Terry cross-entropy against a soft label p = P(y_c ≻ y_r) instead of 1:
/// ℓ = −p·log σ(Δ) − (1 − p)·log σ(−Δ), Δ = r(x, y_c) − r(x, y_r). Minimised at σ(Δ) = p, so a pair labelled
/// 0.6 pulls the reward gap towards logit 0.6 rather than to infinity. Label smoothing (Szegedy et al. 2016, §7;
/// for reward models Wang et al. 2024, "Secrets of RLHF Part II", §3.2) is the special case p = 1 − ε;
/// Secrets of RLHF II uses ε = 0.1.
/// </summary>
public static class SoftLabelRewardLoss
{
    /// <summary>Per-pair losses (B); <paramref name="labelProbability"/> (B) holds p ∈ [0, 1].</summary>
    public static Tensor Compute(Tensor chosen, Tensor rejected, Tensor labelProbability)
    {
        using var scope = NewDisposeScope();
        RewardLossChecks.SameShape(chosen, rejected);
        var gap = chosen - rejected;
        var loss = labelProbability * nn.functional.softplus(-gap) + (1 - labelProbability) * nn.functional.softplus(gap);
        return loss.MoveToOuterDisposeScope();
    }

    /// <summary>Label smoothing: p = 1 − <paramref name="epsilon"/> for every pair (ε ∈ [0, 0.5]).</summary>
    public static Tensor LabelSmoothing(Tensor chosen, Tensor rejected, double epsilon = 0.1)
    {
        RewardLossChecks.InRange(epsilon, 0, 0.5, nameof(epsilon));
        using var scope = NewDisposeScope();
        return Compute(chosen, rejected, full_like(chosen, 1 - epsilon)).MoveToOuterDisposeScope();
    }
}
