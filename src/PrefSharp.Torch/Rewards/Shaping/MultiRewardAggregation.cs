using PrefSharp.Torch.Training.Grpo;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Rewards.Shaping;

/// <summary>
/// Two ways to turn K rewards per completion, (N, K), into one: sum the raw rewards (TRL's default for several reward
/// functions: Σ_k w_k r_k, after which GRPO normalises the sum), or normalise each reward inside its prompt group
/// first and then sum (GDPO, Liu et al. 2026, "Group reward-Decoupled Normalization Policy Optimization"; PaCo-RL's
/// weighted advantage sum), so that a reward on a large scale cannot drown the others.
/// </summary>
public static class MultiRewardAggregation
{
    /// <summary>Σ_k w_k r_k: (N, K) → (N); weights default to 1.</summary>
    public static Tensor WeightedSum(Tensor rewards, IReadOnlyList<double>? weights = null)
    {
        using var scope = NewDisposeScope();
        return (rewards * Weights(rewards, weights)).sum(1).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Σ_k w_k Â_k with Â_k the group advantages of column k (<see cref="GroupAdvantages"/>, group std, ε = 1e-4):
    /// (N, K) → (N), already an advantage (no further normalisation needed).
    /// </summary>
    public static Tensor NormalizeThenSum(Tensor rewards, int groupSize, IReadOnlyList<double>? weights = null)
    {
        using var scope = NewDisposeScope();
        var w = Weights(rewards, weights);
        var columns = Enumerable.Range(0, (int)rewards.shape[1])
            .Select(k => GroupAdvantages.Compute(rewards[.., k].contiguous(), groupSize)).ToArray();
        return (stack(columns, 1) * w).sum(1).MoveToOuterDisposeScope();
    }

    internal static Tensor Weights(Tensor rewards, IReadOnlyList<double>? weights)
    {
        if (rewards.dim() != 2) throw new ArgumentException($"rewards must be (N, K), found [{string.Join(", ", rewards.shape)}]", nameof(rewards));
        var k = (int)rewards.shape[1];
        if (weights is not null && weights.Count != k)
            throw new ArgumentException($"{weights.Count} weights for {k} rewards", nameof(weights));
        return tensor(weights?.ToArray() ?? Enumerable.Repeat(1.0, k).ToArray(), rewards.dtype, rewards.device);
    }
}
