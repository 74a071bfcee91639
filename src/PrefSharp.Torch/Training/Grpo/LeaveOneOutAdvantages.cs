using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Grpo;

/// <summary>
/// RLOO's leave-one-out baseline (Kool et al. 2019, "Buy 4 REINFORCE Samples, Get a Baseline for Free!", Eq. 9;
/// Ahmadian et al. 2024, "Back to Basics", Eq. 6): A_i = r_i − (1/(G − 1)) Σ_{j≠i} r_j = G/(G − 1) · (r_i − r̄).
/// </summary>
/// <remarks>
/// Unbiased because the baseline of sample i does not depend on sample i. TRL's RLOOTrainer computes the same and
/// optionally whitens the result over the batch (<c>normalize_advantages</c>, off by default): pass it through
/// <see cref="GlobalWhitening.Whiten"/> for that. Needs G ≥ 2. Layout: <see cref="GroupLayout"/>.
/// </remarks>
public static class LeaveOneOutAdvantages
{
    /// <summary>rewards (B·G) → advantages (B·G).</summary>
    public static Tensor Compute(Tensor rewards, int groupSize)
    {
        if (groupSize < 2) throw new ArgumentException($"RLOO needs a group size ≥ 2, found {groupSize}", nameof(groupSize));
        using var scope = NewDisposeScope();
        var grouped = GroupLayout.Grouped(rewards, groupSize);                      // (B, G)
        var baseline = (grouped.sum(1, keepdim: true) - grouped) / (groupSize - 1); // (B, G)
        return (grouped - baseline).reshape(-1).MoveToOuterDisposeScope();
    }
}
