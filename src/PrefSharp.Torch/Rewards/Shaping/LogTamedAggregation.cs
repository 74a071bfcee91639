using static TorchSharp.torch;

namespace PrefSharp.Torch.Rewards.Shaping;

/// <summary>
/// Log-tamed multi-reward aggregation (PaCo-RL, Ping et al. 2025, "Advancing Reinforcement Learning for Consistent
/// Image Generation with Pairwise Reward Modeling", PaCo-GRPO): for each reward k compute its coefficient of
/// variation over the batch, h_k = std(r_k) / (mean(r_k) + 1e-6) (population std); rewards whose h_k exceeds the
/// threshold (by default the mean of all h) are replaced by log(1 + r_k); then Σ_k w_k r_k. A reward that varies a lot
/// relative to its level is compressed so that it cannot dominate the sum. Rewards must be &gt; −1.
/// </summary>
public static class LogTamedAggregation
{
    /// <summary>(N, K) → (N). <paramref name="threshold"/> null means the mean of the K coefficients of variation.</summary>
    public static Tensor Compute(Tensor rewards, double? threshold = null, IReadOnlyList<double>? weights = null)
    {
        using var scope = NewDisposeScope();
        var w = MultiRewardAggregation.Weights(rewards, weights);
        var mean = rewards.mean([0]);                                                   // (K)
        var std = (rewards - mean).square().mean([0]).sqrt();                           // (K) population std
        var variation = std / (mean + 1e-6);                                            // (K)
        var limit = threshold is { } t ? full_like(variation, t) : variation.mean().expand_as(variation);
        var tamed = where(variation.gt(limit).unsqueeze(0), rewards.log1p(), rewards);  // (N, K)
        return (tamed * w).sum(1).MoveToOuterDisposeScope();
    }
}
