using PrefSharp.Torch.Training.Grpo;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Diagnostics;

/// <summary>
/// Per-step statistics of the reward spread inside prompt groups (layout: <see cref="GroupLayout"/>).
/// Groups with zero spread carry no GRPO signal (DAPO's dynamic sampling filters them, Yu et al. 2025, §3.2; TRL logs
/// <c>frac_reward_zero_std</c>). Groups with a tiny but non-zero spread get an "illusory advantage" (Pref-GRPO,
/// Wang et al. 2025): dividing by the group std blows differences of a few thousandths up to advantages of ±1.
/// </summary>
public static class GroupSpread
{
    /// <summary>Fraction of groups whose unbiased reward std is ≤ <paramref name="tolerance"/> (TRL: isclose(std, 0)).</summary>
    public static double ZeroSpreadFraction(Tensor rewards, int groupSize, double tolerance = 1e-8)
    {
        using var scope = NewDisposeScope();
        var std = GroupAdvantages.GroupStd(GroupLayout.Grouped(rewards, groupSize));
        return std.le(tolerance).to(ScalarType.Float64).mean().item<double>();
    }

    /// <summary>Mean over groups of the unbiased within-group reward std (TRL's <c>reward_std</c>).</summary>
    public static double MeanGroupStd(Tensor rewards, int groupSize)
    {
        using var scope = NewDisposeScope();
        return GroupAdvantages.GroupStd(GroupLayout.Grouped(rewards, groupSize)).to(ScalarType.Float64).mean().item<double>();
    }

    /// <summary>
    /// Among groups whose raw reward std lies in (<paramref name="zeroTolerance"/>, <paramref name="tinySpread"/>]:
    /// their share of all groups and the mean std of their advantages. A normalised spread near 1 on a raw spread of
    /// 0.001 is the illusion; pairwise win rates or unscaled advantages keep it small.
    /// </summary>
    public static IllusoryAdvantage Illusory(Tensor rewards, Tensor advantages, int groupSize, double tinySpread = 0.01, double zeroTolerance = 1e-8)
    {
        if (!(tinySpread > zeroTolerance)) throw new ArgumentException($"tinySpread must exceed zeroTolerance {zeroTolerance}, found {tinySpread}", nameof(tinySpread));
        using var scope = NewDisposeScope();
        var rawStd = GroupAdvantages.GroupStd(GroupLayout.Grouped(rewards, groupSize)).squeeze(1);                    // (B)
        var advantageStd = GroupAdvantages.GroupStd(GroupLayout.Grouped(advantages, groupSize, nameof(advantages))).squeeze(1);
        var tiny = rawStd.gt(zeroTolerance).logical_and(rawStd.le(tinySpread));                                      // (B)
        var count = tiny.sum().item<long>();
        var spread = count == 0 ? 0 : advantageStd.masked_select(tiny).to(ScalarType.Float64).mean().item<double>();
        return new IllusoryAdvantage(count / (double)rawStd.shape[0], spread);
    }
}
