using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Dpo;

/// <summary>
/// Centred hidden embedding similarity (Razin et al. 2025, "Unintentional Unalignment: Likelihood Displacement in
/// Direct Preference Optimization", Definition 2): with h_{x,z} the last hidden state that predicts the token after
/// prompt x and prefix z, and H⁺ = Σ_k h_{x,y⁺_{&lt;k}}, H⁻ = Σ_k h_{x,y⁻_{&lt;k}} summed over the response tokens,
/// CHES_x(y⁺, y⁻) = ⟨H⁺, H⁻⟩ − ‖H⁺‖². The length-normalised score (their §5) uses the means H⁺/|y⁺| and H⁻/|y⁻|.
/// A high score marks a pair whose preferred response DPO is likely to push down (likelihood displacement).
/// </summary>
public static class ChesScore
{
    /// <summary>
    /// Per-pair scores (B), float64, without gradient, from hidden states (B, T, d) at the predicting positions and the
    /// masks (B, T) of the scored tokens of each side.
    /// </summary>
    public static Tensor Compute(Tensor chosenHidden, Tensor chosenMask, Tensor rejectedHidden, Tensor rejectedMask, bool lengthNormalised)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        Tensor Pool(Tensor hidden, Tensor mask)
        {
            var weights = mask.to(ScalarType.Float64);
            var sum = (hidden.detach().to(ScalarType.Float64) * weights.unsqueeze(-1)).sum(1);                // (B, d)
            return lengthNormalised ? sum / weights.sum(1, keepdim: true).clamp_min(1) : sum;
        }
        var chosen = Pool(chosenHidden, chosenMask);
        var rejected = Pool(rejectedHidden, rejectedMask);
        return ((chosen * rejected).sum(1) - (chosen * chosen).sum(1)).MoveToOuterDisposeScope();
    }

    /// <summary>Per-pair scores (B) of a <see cref="PairForward"/> pass.</summary>
    public static Tensor Compute(PairForwardResult forward, bool lengthNormalised)
    {
        var rows = forward.Count;
        return Compute(forward.Hidden.narrow(0, 0, rows), forward.ChosenMask, forward.Hidden.narrow(0, rows, rows), forward.RejectedMask, lengthNormalised);
    }
}
