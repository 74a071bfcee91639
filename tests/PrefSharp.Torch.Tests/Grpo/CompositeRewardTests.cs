using PrefSharp.Torch.Rewards.Shaping;
using PrefSharp.Torch.Rewards.Sources;

namespace PrefSharp.Torch.Tests.Grpo;

/// <summary>Closed-form values of <see cref="CompositeRewardSource"/> on one prompt with two completions, rewards from string lengths.</summary>
public class CompositeRewardTests
{
    private static readonly IReadOnlyList<CompletionGroup> Groups = [new("p", ["a", "abcd"])];

    private static PointwiseRewardSource Length(string name, double offset = 0) => PointwiseRewardSource.FromFunction(name, (_, c) => c.Length + offset);

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    private static void Equal(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 12);
    }

    [Fact]
    public void Weighted_sum_and_its_proxy_and_per_term_means()
    {
        var source = new CompositeRewardSource([Length("len"), Length("len+1", 1)], new CompositeRewardOptions { Weights = [0.7, 0.3] });
        var scores = source.Score(Groups);
        Equal([0.7 * 1 + 0.3 * 2, 0.7 * 4 + 0.3 * 5], scores.Rewards);
        Equal(scores.Rewards, scores.PointwiseScores!);
        Assert.Equal(2.5, scores.Metrics!["reward/term_0/len"], 12);
        Assert.Equal(3.5, scores.Metrics!["reward/term_1/len+1"], 12);
    }

    [Fact]
    public void Par_shapes_each_term_against_the_reference_responses_reward()
    {
        // Reference "ab" scores 2: σ(1 − 2), σ(4 − 2); the proxy stays the raw length.
        var source = new CompositeRewardSource([Length("len")], new CompositeRewardOptions { PreferenceAsReward = true }, _ => ["ab"]);
        var scores = source.Score(Groups);
        Equal([Sigmoid(-1), Sigmoid(2)], scores.Rewards);
        Equal([1, 4], scores.PointwiseScores!);
        Assert.Equal("len/par", source.Name);
    }

    [Fact]
    public void Log_sigmoid_sums_weighted_log_sigmoids_of_centred_terms_with_the_mean_of_m_references()
    {
        // References "ab" and "abcd": reference rewards 2 and 4 (mean 3) for term 0, 3 and 5 (mean 4) for term 1.
        var source = new CompositeRewardSource([Length("a"), Length("b", 1)],
            new CompositeRewardOptions { Aggregation = RewardAggregationKind.LogSigmoid, Weights = [1, 2] }, _ => ["ab", "abcd"]);
        double LogSigmoid(double x) => Math.Log(Sigmoid(x));
        Equal([LogSigmoid(1 - 3) + 2 * LogSigmoid(2 - 4), LogSigmoid(4 - 3) + 2 * LogSigmoid(5 - 4)], source.Score(Groups).Rewards);
    }

    [Fact]
    public void Constrained_terms_get_a_multiplier_that_rises_while_violated_and_decays_when_satisfied()
    {
        // Objective r0 + r1 with E[r1] ≤ 2, η = 0.5; r1 = length + offset.
        var offset = 0.0;
        var constrained = PointwiseRewardSource.FromFunction("r1", (_, c) => c.Length + offset);
        var source = new CompositeRewardSource([Length("r0"), constrained],
            new CompositeRewardOptions { Constraints = [new RewardConstraint(1, 2.0)], ConstraintLearningRate = 0.5 });
        var first = source.Score(Groups);                       // λ = 0: [1 + 1, 4 + 4]; mean r1 = 2.5 → λ = 0.5·0.5 = 0.25
        Equal([2, 8], first.Rewards);
        Assert.Equal(0.0, first.Metrics!["constraint/term_1/lambda"]);
        Assert.Equal(0.5, first.Metrics!["constraint/term_1/violation"], 12);
        var second = source.Score(Groups);                      // λ = 0.25: [2 − 0.25·(1 − 2), 8 − 0.25·(4 − 2)]; λ → 0.5
        Equal([2.25, 7.5], second.Rewards);
        Assert.Equal([0.5], source.Multipliers);
        offset = -2.5;                                          // r1 = [−1.5, 1.5], mean 0 < 2: λ → max(0, 0.5 − 0.5·2) = 0
        source.Score(Groups);
        Assert.Equal([0.0], source.Multipliers);
        Assert.Equal("r0+r1/constrained", source.Name);
    }

    [Fact]
    public void Bad_compositions_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new CompositeRewardSource([Length("a")], new CompositeRewardOptions { PreferenceAsReward = true }));
        Assert.Throws<ArgumentException>(() => new CompositeRewardSource([Length("a")], new CompositeRewardOptions { Weights = [1, 2] }));
        Assert.Throws<ArgumentException>(() => new CompositeRewardSource([Length("a")], new CompositeRewardOptions { Constraints = [new RewardConstraint(1, 0)] }));
        Assert.Throws<ArgumentException>(() => new CompositeRewardSource([Length("a")],
            new CompositeRewardOptions { PreferenceAsReward = true, Aggregation = RewardAggregationKind.LogSigmoid }, _ => ["x"]));
    }
}
