using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.NashMd;

/// <summary>
/// Nash-MD-PG (Munos et al. 2024, "Nash Learning from Human Feedback", Sec. 7): the policy-gradient estimate of
/// ∇_θ [P(π_θ ≻ π_θ^β) − τ·KL(π_θ ‖ π_ref)] with one sample y ~ π_θ and one opponent y' ~ π_θ^β (the geometric
/// mixture, <see cref="Generation.GeometricMixture"/>) per prompt:
/// <code>ℓ(x) = −sg(P(y ≻ y' | x) − ½ − τ·(log π_θ(y|x) − log π_ref(y|x))) · log π_θ(y|x)</code>
/// with ½ the control variate of the paper (P(π ≻ π) = ½) and the sequence log-ratio the REINFORCE estimate of the KL
/// term. Defaults as TRL's <c>NashMDTrainer</c>: τ = 0.1. TRL puts the KL term token by token (Σ_t sg(log ratio_t)·log π_t);
/// the paper's sequence-level estimate is kept here because it is the unbiased gradient of the sequence KL.
/// </summary>
public static class NashMdLoss
{
    /// <summary>
    /// Σ over the batch of ℓ: <paramref name="policy"/> (B) log π_θ(y|x) with grad, <paramref name="reference"/> (B)
    /// log π_ref(y|x), <paramref name="preference"/> (B) P(y ≻ y' | x) ∈ [0, 1], τ ≥ 0.
    /// </summary>
    public static Tensor Sum(Tensor policy, Tensor reference, Tensor preference, double tau)
    {
        if (!(tau >= 0) || double.IsInfinity(tau)) throw new ArgumentException($"τ (the KL coefficient) must be finite and ≥ 0, found {tau}", nameof(tau));
        if (policy.dim() != 1 || !reference.shape.SequenceEqual(policy.shape) || !preference.shape.SequenceEqual(policy.shape))
            throw new ArgumentException($"policy, reference and preference must be (B) each, found [{string.Join(", ", policy.shape)}], [{string.Join(", ", reference.shape)}], [{string.Join(", ", preference.shape)}]");
        using var scope = NewDisposeScope();
        return (-Advantage(policy, reference, preference, tau) * policy).sum().MoveToOuterDisposeScope();
    }

    /// <summary>The detached weight of each log π_θ(y|x): P(y ≻ y') − ½ − τ·(log π_θ(y|x) − log π_ref(y|x)), (B).</summary>
    public static Tensor Advantage(Tensor policy, Tensor reference, Tensor preference, double tau)
    {
        using var noGrad = no_grad();
        return preference.to(policy.dtype) - 0.5 - tau * (policy.detach() - reference.to(policy.dtype));
    }
}
