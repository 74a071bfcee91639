using PrefSharp.Torch.Rewards.Shaping;
using PrefSharp.Torch.Rewards.Sources;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Grpo;

/// <summary>MaxMin-RLHF's aggregation: the batch's worst-off group's reward, by hand.</summary>
public class MaxMinAggregationTests
{
    [Fact]
    public void The_group_with_the_lowest_weighted_mean_is_trained_on()
    {
        using var scope = NewDisposeScope();
        var rewards = tensor(new double[,] { { 1, 5 }, { 3, 1 } });
        // Column means (2, 3): group 0 is worst off.
        var (plain, group) = MaxMinAggregation.Compute(rewards);
        Assert.Equal(0, group);
        Assert.Equal([1.0, 3.0], plain.data<double>().ToArray());
        // Weights (1, 0.5): columns (1, 3) and (2.5, 0.5), means (2, 1.5): group 1, rewards 0.5·(5, 1).
        var (weighted, worst) = MaxMinAggregation.Compute(rewards, [1, 0.5]);
        Assert.Equal(1, worst);
        Assert.Equal([2.5, 0.5], weighted.data<double>().ToArray());
    }

    [Fact]
    public void A_composite_reward_trains_on_the_worse_groups_reward_and_logs_it()
    {
        // Completions "a" and "abcd": a group that likes length scores (1, 4), mean 2.5; one that dislikes it (3, 0), mean 1.5.
        var likesLength = PointwiseRewardSource.FromFunction("long", (_, c) => c.Length);
        var dislikesLength = PointwiseRewardSource.FromFunction("short", (_, c) => 4.0 - c.Length);
        var source = new CompositeRewardSource([likesLength, dislikesLength], new CompositeRewardOptions { Aggregation = RewardAggregationKind.MaxMin });
        var scores = source.Score([new CompletionGroup("p", ["a", "abcd"])]);
        Assert.Equal([3.0, 0.0], scores.Rewards);
        Assert.Equal(1, scores.Metrics!["reward/maxmin_group"]);
        Assert.EndsWith("/maxmin", source.Name);
    }
}
