using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Reward;

/// <summary>
/// The de-biased loss for labels flipped at random with known rate ε (Chowdhury, Kini and Natarajan 2024, "Provably
/// Robust DPO: Aligning Language Models with Noisy Feedback", §3, the robust loss; they note it applies to reward
/// training unchanged):
/// ℓ̂ = [(1 − ε)·ℓ(Δ) − ε·ℓ(−Δ)] / (1 − 2ε), with ℓ(Δ) = −log σ(Δ), Δ = r(x, y_c) − r(x, y_r).
/// Its expectation over the flip equals the clean loss, so the minimiser is that of clean data. It is not bounded
/// below for one pair (it rewards a confident, wrong-looking gap by −ε/(1−2ε)·|Δ|); only its average is meaningful.
/// ε ∈ [0, 0.5); the paper's experiments use ε = 0.1 to 0.4 (set it to the estimated flip rate).
/// </summary>
public static class DebiasedRewardLoss
{
    /// <summary>Per-pair losses (B).</summary>
    public static Tensor Compute(Tensor chosen, Tensor rejected, double flipRate)
    {
        RewardLossChecks.InRange(flipRate, 0, 0.5, nameof(flipRate), includeHigh: false);
        using var scope = NewDisposeScope();
        RewardLossChecks.SameShape(chosen, rejected);
        var gap = chosen - rejected;
        var loss = (nn.functional.softplus(-gap) * (1 - flipRate) - nn.functional.softplus(gap) * flipRate) / (1 - 2 * flipRate);
        return loss.MoveToOuterDisposeScope();
    }
}
