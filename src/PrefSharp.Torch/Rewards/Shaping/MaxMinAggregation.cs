using static TorchSharp.torch;

namespace PrefSharp.Torch.Rewards.Shaping;

/// <summary>
/// MaxMin-RLHF's egalitarian step (Chakraborty et al. 2024, "MaxMin-RLHF: Alignment with Diverse Human Preferences",
/// §4, Eq. 9 and Algorithm 1): the policy maximises the worst group's expected reward, max_π min_u F_{r_u}(π), and each
/// iteration trains on the reward of the group that is worst off under the current policy:
/// <code>
/// u_min = argmin_u  mean_n w_u r_u(x_n, y_n)        (over this batch of completions)
/// r(x_n, y_n) = w_{u_min} r_{u_min}(x_n, y_n)
/// </code>
/// The K columns are the groups' rewards (one <c>--reward</c> per group, for example <c>gym:pluralistic:concise</c>);
/// weights put the groups' rewards on a common scale.
/// </summary>
public static class MaxMinAggregation
{
    /// <summary>(N, K) → (N): the weighted column whose batch mean is lowest, and that column's index u_min.</summary>
    public static (Tensor Rewards, int Group) Compute(Tensor rewards, IReadOnlyList<double>? weights = null)
    {
        using var scope = NewDisposeScope();
        var weighted = rewards * MultiRewardAggregation.Weights(rewards, weights);     // (N, K)
        var group = (int)weighted.mean([0]).argmin().item<long>();
        return (weighted[.., group].contiguous().MoveToOuterDisposeScope(), group);
    }
}
