using static TorchSharp.torch;

namespace PrefSharp.Torch.Rewards.Shaping;

/// <summary>
/// The log-sigmoid transform of centred rewards (Wang et al. 2024, "Transforming and Combining Rewards for Aligning
/// Large Language Models", §3): u = log σ(r − r_ref), where r_ref is a per-prompt reference reward (the paper uses a
/// quantile, e.g. the 85th percentile, of reference-policy samples' rewards). It saturates above the reference, so
/// the policy gains little from pushing an already good reward further, and sums of transformed rewards act as a
/// logical AND of "good on every property" (§3.2).
/// </summary>
public static class LogSigmoidTransform
{
    /// <summary>rewards and reference rewards of the same shape (or a broadcastable reference) → log σ(r − r_ref).</summary>
    public static Tensor Compute(Tensor rewards, Tensor referenceRewards)
    {
        using var scope = NewDisposeScope();
        return TorchSharp.torch.nn.functional.logsigmoid(rewards - referenceRewards).MoveToOuterDisposeScope();
    }

    /// <summary>Several rewards (N, K) with references (N, K) or (K) → Σ_k log σ(r_k − r_ref,k), (N).</summary>
    public static Tensor Combine(Tensor rewards, Tensor referenceRewards)
    {
        if (rewards.dim() != 2) throw new ArgumentException($"rewards must be (N, K), found [{string.Join(", ", rewards.shape)}]", nameof(rewards));
        using var scope = NewDisposeScope();
        return Compute(rewards, referenceRewards).sum(1).MoveToOuterDisposeScope();
    }
}
