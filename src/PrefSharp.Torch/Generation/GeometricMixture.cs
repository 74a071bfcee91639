using static TorchSharp.torch;

namespace PrefSharp.Torch.Generation;

/// <summary>
/// The geometric mixture of a policy and a reference, token by token (Munos et al. 2024, "Nash Learning from Human
/// Feedback", Sec. 5 Eq. for π_t^μ and Sec. 7 "Nash-MD-PG"): π^β(y_n | x, y_&lt;n) ∝ π(y_n | ·)^(1−β) · π_ref(y_n | ·)^β, a
/// normalised log-linear mixture of the two next-token distributions. The paper's coefficient is β = η·τ (learning
/// rate times KL regularisation); β = 0 is the policy, β = 1 the reference. TRL's <c>NashMDTrainer</c> mixes the raw
/// logits with <c>mixture_coef</c> = 0.5 by default, which is the same distribution since softmax removes each row's constant.
/// </summary>
public static class GeometricMixture
{
    /// <summary>policyLogits, referenceLogits (B, V) → log π^β (B, V), normalised over V, float32.</summary>
    public static Tensor LogProbs(Tensor policyLogits, Tensor referenceLogits, double coefficient)
    {
        Check(coefficient);
        if (!policyLogits.shape.SequenceEqual(referenceLogits.shape))
            throw new ArgumentException($"the two models' logits must have one shape, found [{string.Join(", ", policyLogits.shape)}] and [{string.Join(", ", referenceLogits.shape)}]; do they share a vocabulary?");
        using var scope = NewDisposeScope();
        var policy = policyLogits.to(ScalarType.Float32).log_softmax(-1);
        var reference = referenceLogits.to(ScalarType.Float32).log_softmax(-1);
        return ((1 - coefficient) * policy + coefficient * reference).log_softmax(-1).MoveToOuterDisposeScope();
    }

    /// <summary>Throws unless β ∈ [0, 1].</summary>
    public static double Check(double coefficient) => coefficient is >= 0 and <= 1 ? coefficient
        : throw new ArgumentException($"the mixture coefficient β must be in [0, 1] (0: the policy, 1: the reference), found {coefficient}", nameof(coefficient));
}
