using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Preference;

/// <summary>
/// TD-MNPO (Wu et al. 2025, "Multiplayer Nash Preference Optimization", Sec. 3.2, the time-dependent loss after Eq. 18
/// with the squared distance, the form of the authors' trainer): the opponents are the last n policies π_{t−j} with
/// weights λ_j (Σλ_j = 1), and with the reference share ρ
/// <code>h = log π(y_w)/π(y_l) − ρ·log π_ref(y_w)/π_ref(y_l) − (1 − ρ)·Σ_j λ_j·log π_{t−j}(y_w)/π_{t−j}(y_l)</code>
/// <code>L = (h − 1/(2η))²</code>
/// For pairs y, y' ~ π_t labelled by P(y ≻ y'), the expected loss is minimised by the multiplicative-weights update of
/// Eq. 11 (Lemma 1, Prop. 1): π_{t+1}(y) ∝ π_ref(y)^ρ·Π_j π_{t−j}(y)^{(1−ρ)λ_j}·exp(P(y ≻ π_t)/η). With n = 1 and
/// ρ = τ/η it is INPO's loss (Zhang et al. 2024, Eq. 9); the authors' default ρ is 0 past the first iteration.
/// </summary>
public static class MnpoLoss
{
    /// <summary>
    /// Per-pair losses (B): the policy's summed log-probabilities of the chosen and rejected responses (B, with grad),
    /// the reference's (B), the population's (B, n) with weights λ (n, summing to 1), the reference share ρ ∈ [0, 1] and η &gt; 0.
    /// </summary>
    public static Tensor Compute(Tensor policyChosen, Tensor policyRejected, Tensor referenceChosen, Tensor referenceRejected,
        Tensor populationChosen, Tensor populationRejected, Tensor weights, double referenceShare, double eta)
    {
        if (!(referenceShare >= 0 && referenceShare <= 1)) throw new ArgumentException($"the reference share ρ must be in [0, 1], found {referenceShare}", nameof(referenceShare));
        if (!(eta > 0) || double.IsInfinity(eta)) throw new ArgumentException($"η must be finite and > 0, found {eta}", nameof(eta));
        if (populationChosen.dim() != 2 || populationChosen.shape[0] != policyChosen.shape[0] || populationChosen.shape[1] != weights.shape[0])
            throw new ArgumentException($"the population's log-probabilities must be (B = {policyChosen.shape[0]}, n = {weights.shape[0]}), found [{string.Join(", ", populationChosen.shape)}]", nameof(populationChosen));
        using var scope = NewDisposeScope();
        var populationRatio = ((populationChosen - populationRejected) * weights.to(populationChosen.dtype)).sum(1);   // (B)
        var h = policyChosen - policyRejected - referenceShare * (referenceChosen - referenceRejected) - (1 - referenceShare) * populationRatio;
        return (h - 1 / (2 * eta)).square().MoveToOuterDisposeScope();
    }
}
