using static TorchSharp.torch;

namespace PrefSharp.Torch.Rewards.Shaping;

/// <summary>
/// Preference As Reward, PAR (Fu et al. 2025, "Reward Shaping to Mitigate Reward Hacking in RLHF", §4):
/// r' = (1/M) Σ_m σ(r − r_ref,m), the reward model's own preference of the policy's response over M reference
/// responses to the same prompt. Bounded in (0, 1), steep near the reference and flat far above it, a function of
/// the centred reward: the paper's three design principles. The paper finds M = 1 enough.
/// </summary>
public static class PreferenceAsReward
{
    /// <summary>rewards (N), referenceRewards (N, M) (or (N) for M = 1) → shaped rewards (N).</summary>
    public static Tensor Compute(Tensor rewards, Tensor referenceRewards)
    {
        if (rewards.dim() != 1) throw new ArgumentException($"rewards must be (N), found [{string.Join(", ", rewards.shape)}]", nameof(rewards));
        var reference = referenceRewards.dim() == 1 ? referenceRewards.unsqueeze(1) : referenceRewards;
        if (reference.dim() != 2 || reference.shape[0] != rewards.shape[0])
            throw new ArgumentException($"reference rewards must be (N, M) with N = {rewards.shape[0]}, found [{string.Join(", ", referenceRewards.shape)}]", nameof(referenceRewards));
        using var scope = NewDisposeScope();
        return (rewards.unsqueeze(1) - reference).sigmoid().mean([1]).MoveToOuterDisposeScope();
    }
}
