using PrefSharp.Core.Ranking.Intransitive;

namespace PrefSharp.Core.Tests.Ranking.Intransitive;

public sealed class LotteryDistanceTests
{
    // Rock–paper–scissors: rock beats scissors, scissors beats paper, paper beats rock, each with margin 1.
    private static readonly double[][] Cycle = [[0, -1, 1], [1, 0, -1], [-1, 1, 0]];

    [Fact]
    public void Exploitability_is_zero_at_the_maximal_lottery_and_the_best_response_margin_elsewhere()
    {
        Assert.Equal(0, LotteryDistance.Exploitability([1 / 3.0, 1 / 3.0, 1 / 3.0], Cycle), 15);
        Assert.Equal(1, LotteryDistance.Exploitability([1, 0, 0], Cycle));          // paper beats pure rock by 1
        // p = (½, ½, 0): against rock 0, against paper ½·(−1) = −½, against scissors ½·1 + ½·(−1) = 0 → ½.
        Assert.Equal(0.5, LotteryDistance.Exploitability([0.5, 0.5, 0], Cycle));
        var lottery = MaximalLottery.FromMargins(["r", "p", "s"], Cycle).Probabilities;
        Assert.Equal(0, LotteryDistance.Exploitability(lottery, Cycle), 9);
    }

    [Fact]
    public void Total_variation_is_half_the_l1_distance()
    {
        Assert.Equal(0.5, LotteryDistance.TotalVariation([1, 0], [0.5, 0.5]));
        Assert.Equal(0, LotteryDistance.TotalVariation([0.2, 0.8], [0.2, 0.8]));
        Assert.Throws<ArgumentException>(() => LotteryDistance.TotalVariation([1], [0.5, 0.5]));
    }
}
