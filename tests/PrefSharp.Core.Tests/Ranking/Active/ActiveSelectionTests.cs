using PrefSharp.Core.Data;
using PrefSharp.Core.Ranking;
using PrefSharp.Core.Ranking.Active;
using PrefSharp.Core.Ranking.Optimization;
using Xunit.Abstractions;

namespace PrefSharp.Core.Tests.Ranking.Active;

public sealed class ActiveSelectionTests(ITestOutputHelper output)
{
    /// <summary>Behaviour: every pair is compared 30 times except the adjacent pair (i1, i2), compared once: it is chosen.</summary>
    [Theory]
    [InlineData(ActiveSelectionCriterion.AdjacentRankDifferenceVariance)]
    [InlineData(ActiveSelectionCriterion.TotalVariance)]
    public void Chooses_the_barely_compared_adjacent_pair(ActiveSelectionCriterion criterion)
    {
        double[] truth = [1.2, 0.6, 0.0, -0.6, -1.2];
        var battles = new List<Battle>();
        for (int i = 0; i < truth.Length; i++)
            for (int j = i + 1; j < truth.Length; j++)
            {
                int count = (i, j) == (1, 2) ? 1 : 30;
                double p = LogisticFunctions.Sigmoid(truth[i] - truth[j]);
                int wins = (i, j) == (1, 2) ? 1 : (int)Math.Round(p * count);
                for (int k = 0; k < count; k++) battles.Add(new Battle($"i{i}", $"i{j}", k < wins ? BattleOutcome.A : BattleOutcome.B));
            }
        var choice = ActivePairSelector.SelectNext(battles, options: new ActiveSelectionOptions { Criterion = criterion });
        output.WriteLine(string.Join("\n", choice.TopCandidates.Select(c => $"{c.ItemA}-{c.ItemB}: {c.ExpectedReduction:F5}")));
        Assert.Equal(("i1", "i2"), (choice.ItemA, choice.ItemB));
        Assert.True(choice.ExpectedReduction > 0 && choice.ExpectedReduction < choice.CurrentUncertainty);
    }

    /// <summary>
    /// Behaviour: 8 items, 8 random warm-up battles, then 50 more chosen actively or uniformly at random; over 30 seeds the
    /// active design ends with the smaller mean Kendall τ distance between the fitted and the true order.
    /// </summary>
    [Fact]
    public void Active_selection_beats_random_selection_in_a_short_simulation()
    {
        const int items = 8, warmUp = 8, budget = 50, seeds = 30;
        var truth = Enumerable.Range(0, items).Select(i => 1.75 - 0.5 * i).ToArray();
        var names = Enumerable.Range(0, items).Select(i => $"m{i}").ToArray();
        double activeTotal = 0, randomTotal = 0;
        for (int seed = 0; seed < seeds; seed++)
        {
            activeTotal += Run(seed, active: true);
            randomTotal += Run(seed, active: false);
        }
        output.WriteLine($"mean Kendall distance: active {activeTotal / seeds:F3}, random {randomTotal / seeds:F3}");
        Assert.True(activeTotal < randomTotal, $"active {activeTotal / seeds}, random {randomTotal / seeds}");

        double Run(int seed, bool active)
        {
            var random = new Random(seed);
            var outcomes = new Random(1000 + seed);
            var battles = new List<Battle>();
            void Play(int i, int j) =>
                battles.Add(new Battle(names[i], names[j], outcomes.NextDouble() < LogisticFunctions.Sigmoid(truth[i] - truth[j]) ? BattleOutcome.A : BattleOutcome.B));
            (int, int) RandomPair() { int i = random.Next(items), j = random.Next(items - 1); return (i, j >= i ? j + 1 : j); }
            for (int t = 0; t < warmUp; t++) { var (i, j) = RandomPair(); Play(i, j); }
            for (int t = 0; t < budget; t++)
            {
                if (active)
                {
                    var choice = ActivePairSelector.SelectNext(battles, names);
                    Play(Array.IndexOf(names, choice.ItemA), Array.IndexOf(names, choice.ItemB));
                }
                else { var (i, j) = RandomPair(); Play(i, j); }
            }
            var fit = BradleyTerry.FitIndexed(IndexedBattles.From(battles, names), 0.1).Ratings;
            return RankingDistance.KendallTauDistance(fit, truth);
        }
    }

    [Fact]
    public void Kendall_distance_counts_discordant_pairs()
    {
        Assert.Equal(0, RankingDistance.KendallTauDistance([3, 2, 1], [30, 20, 10]));
        Assert.Equal(3, RankingDistance.KendallTauDistance([3, 2, 1], [1, 2, 3]));
        Assert.Equal(0.5, RankingDistance.KendallTauDistance([3, 2, 1], [3, 2, 2]));
    }
}
