using PrefSharp.Torch.Rewards.Sources;

namespace PrefSharp.Torch.Tests.Grpo;

public class RewardSourceTests
{
    private static readonly CompletionGroup[] Group = [new("p", ["a", "bbb"])];
    private static readonly IGroupRewardSource Constant = PointwiseRewardSource.FromFunction("two", (_, _) => 2.0);
    private static readonly IGroupRewardSource Length = PointwiseRewardSource.FromFunction("length", (_, c) => c.Length);

    [Fact]
    public void Conservative_ensembles_take_the_minimum_or_penalise_the_variance()
    {
        // members (2, 1) for "a" and (2, 3) for "bbb": min 1 and 2; mean 1.5 and 2.5, population variance 0.25 both.
        Assert.Equal([1.0, 2.0], EnsembleRewardSource.WorstCase([Constant, Length]).Score(Group).Rewards);
        var uwo = EnsembleRewardSource.UncertaintyWeighted([Constant, Length], lambda: 1).Score(Group).Rewards;
        Assert.Equal(1.25, uwo[0], 12);                                       // 1.5 − 1·0.25
        Assert.Equal(2.25, uwo[1], 12);                                       // 2.5 − 1·0.25
        Assert.Equal([1.5, 2.5], EnsembleRewardSource.Mean([Constant, Length]).Score(Group).Rewards);
    }

    [Fact]
    public void Preference_as_reward_is_the_sigmoid_of_the_margin_over_the_reference_response()
    {
        var par = new ShapedRewardSource(Length, _ => "cc").Score(Group);      // r_ref = 2
        Assert.Equal(1 / (1 + Math.Exp(1)), par.Rewards[0], 12);             // σ(1 − 2) = 0.268941…
        Assert.Equal(1 / (1 + Math.Exp(-1)), par.Rewards[1], 12);            // σ(3 − 2) = 0.731059…
        Assert.Equal([1.0, 3.0], par.PointwiseScores!);                        // the proxy curve keeps the raw reward
    }

    [Fact]
    public void Win_rates_from_a_preference_function_and_from_bradley_terry()
    {
        // P(a ≻ bbb) = 0.2 → win rates (0.2, 0.8); BT over lengths: σ(1 − 3) = 0.119203 and its complement.
        var fromPreference = WinRateRewardSource.FromPreference("p", (_, a, b) => a.Length < b.Length ? 0.2 : 0.8).Score(Group).Rewards;
        Assert.Equal(0.2, fromPreference[0], 12);
        Assert.Equal(0.8, fromPreference[1], 12);
        var bt = WinRateRewardSource.BradleyTerry(Length).Score(Group);
        Assert.Equal(1 / (1 + Math.Exp(2)), bt.Rewards[0], 12);
        Assert.Equal([1.0, 3.0], bt.PointwiseScores!);
    }
}
