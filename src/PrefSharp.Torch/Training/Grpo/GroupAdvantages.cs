using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Grpo;

/// <summary>
/// Group-relative advantages (GRPO, Shao et al. 2024, "DeepSeekMath", §4.1.2, outcome supervision):
/// Â_i = (r_i − mean(r_group)) / (std + ε), one value per completion, shared by all its tokens.
/// </summary>
/// <remarks>
/// Follows TRL's GRPOTrainer (v0.2x): the standard deviation is the unbiased (Bessel-corrected, n − 1) one, as
/// <c>torch.std</c> computes it, and ε = 1e-4 is added to it. <see cref="AdvantageScaling.Batch"/> divides by one
/// unbiased std over all B·G rewards; <see cref="AdvantageScaling.None"/> is Dr. GRPO (Liu et al. 2025,
/// "Understanding R1-Zero-Like Training", Eq. 3 / §3.1). A group of one has std 0 by convention (TRL's eval path).
/// Layout: <see cref="GroupLayout"/>.
/// </remarks>
public static class GroupAdvantages
{
    /// <summary>TRL's ε added to the standard deviation.</summary>
    public const double DefaultEpsilon = 1e-4;

    /// <summary>rewards (B·G) → advantages (B·G), same dtype.</summary>
    public static Tensor Compute(Tensor rewards, int groupSize, AdvantageScaling scaling = AdvantageScaling.Group,
        double epsilon = DefaultEpsilon)
    {
        if (!(epsilon >= 0)) throw new ArgumentException($"epsilon must be ≥ 0, found {epsilon}", nameof(epsilon));
        using var scope = NewDisposeScope();
        var grouped = GroupLayout.Grouped(rewards, groupSize);                      // (B, G)
        var centred = grouped - grouped.mean([1], keepdim: true);                   // (B, G)
        var result = scaling switch
        {
            AdvantageScaling.None => centred,
            AdvantageScaling.Group => centred / (GroupStd(grouped) + epsilon),
            AdvantageScaling.Batch => centred / ((rewards.shape[0] > 1 ? rewards.std() : zeros_like(rewards[0])) + epsilon),
            _ => throw new ArgumentException($"unknown scaling {scaling}", nameof(scaling)),
        };
        return result.reshape(-1).MoveToOuterDisposeScope();
    }

    /// <summary>Unbiased standard deviation of each group (B, 1); 0 for groups of one.</summary>
    public static Tensor GroupStd(Tensor grouped) =>
        grouped.shape[1] > 1 ? grouped.std(1, unbiased: true, keepdim: true) : zeros(grouped.shape[0], 1, grouped.dtype, grouped.device);
}
