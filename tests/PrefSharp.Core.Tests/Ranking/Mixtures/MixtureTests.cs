using PrefSharp.Core.Data;
using PrefSharp.Core.Ranking.Mixtures;
using Xunit.Abstractions;

namespace PrefSharp.Core.Tests.Ranking.Mixtures;

public sealed class MixtureTests(ITestOutputHelper output)
{
    private static readonly string[] Items = ["i0", "i1", "i2", "i3", "i4", "i5"];

    /// <summary>Three planted groups with different orders of six items; 20 annotators each, 40 labels per annotator.</summary>
    private static (List<Battle> Battles, Dictionary<string, int> TrueGroup) Simulate(int seed)
    {
        double[][] ratings =
        [
            [1.5, 0.9, 0.3, -0.3, -0.9, -1.5],
            [-1.5, -0.9, -0.3, 0.3, 0.9, 1.5],
            [0.3, -1.5, 1.5, -0.9, 0.9, -0.3],
        ];
        var random = new Random(seed);
        var battles = new List<Battle>();
        var truth = new Dictionary<string, int>();
        for (int g = 0; g < ratings.Length; g++)
            for (int a = 0; a < 20; a++)
            {
                string judge = $"g{g}-a{a}";
                truth[judge] = g;
                for (int t = 0; t < 40; t++)
                {
                    int i = random.Next(6), j = random.Next(5);
                    if (j >= i) j++;
                    double p = 1 / (1 + Math.Exp(-(ratings[g][i] - ratings[g][j])));
                    battles.Add(new Battle(Items[i], Items[j], random.NextDouble() < p ? BattleOutcome.A : BattleOutcome.B) { Judge = judge });
                }
            }
        return (battles, truth);
    }

    /// <summary>Behaviour: EM recovers the planted annotator groups (accuracy after best label matching ≥ 0.9) and BIC picks K = 3.</summary>
    [Fact]
    public void Em_recovers_planted_groups_and_bic_picks_their_number()
    {
        var (battles, truth) = Simulate(seed: 11);
        var selection = MixtureModelSelection.SelectByBic(battles, maxGroups: 4, new MixtureOptions { Restarts = 4 });
        foreach (var c in selection.Candidates) output.WriteLine($"K={c.GroupCount} logL={c.LogLikelihood:F1} p={c.ParameterCount} BIC={c.Bic:F1}");
        Assert.Equal(3, selection.SelectedGroupCount);
        double accuracy = MatchedAccuracy(selection.Selected, truth);
        output.WriteLine($"accuracy after label matching: {accuracy:F3}");
        Assert.True(accuracy >= 0.9, $"accuracy {accuracy}");
        // each recovered group's leaderboard follows its planted order: group with i0 on top is planted group 0, etc.
        Assert.Contains(selection.Selected.Groups, g => g.Items[0].Item == "i0" && g.Items[^1].Item == "i5");
        Assert.Contains(selection.Selected.Groups, g => g.Items[0].Item == "i5" && g.Items[^1].Item == "i0");
    }

    /// <summary>
    /// Golden: with group ratings A = (2, 0, −2) and B = (−2, 0, 2) over (x, y, z), x and z each lose badly in one group;
    /// y's worst-group utility is mean(σ(2), σ(−2)) = ½, higher than x's and z's mean(σ(−2), σ(−4)), so y is the MaxMin winner.
    /// </summary>
    [Fact]
    public void MaxMin_winner_is_the_compromise_item()
    {
        var choice = MaxMinWinner.Select(["x", "y", "z"], [[2, 0, -2], [-2, 0, 2]]);
        Assert.Equal("y", choice.Item);
        Assert.Equal(0.5, choice.MinimumUtility, 12);
        double sx = (1 / (1 + Math.Exp(2)) + 1 / (1 + Math.Exp(4))) / 2;
        Assert.Equal(sx, choice.ItemMinimumUtilities[0], 12);
    }

    /// <summary>Behaviour: annotators of a planted minority group agree less with the consensus than the majority.</summary>
    [Fact]
    public void Minority_annotators_agree_less_with_the_consensus()
    {
        var (battles, _) = Simulate(seed: 5);
        var majorityAndMinority = battles.Where(b => !b.Judge!.StartsWith("g2", StringComparison.Ordinal))
            .Where(b => b.Judge!.StartsWith("g0", StringComparison.Ordinal) || int.Parse(b.Judge![4..]) < 5).ToList();
        var agreement = AnnotatorAgreement.Compute(majorityAndMinority);
        double majority = agreement.Where(e => e.Annotator.StartsWith("g0", StringComparison.Ordinal)).Average(e => e.Agreement);
        double minority = agreement.Where(e => e.Annotator.StartsWith("g1", StringComparison.Ordinal)).Average(e => e.Agreement);
        output.WriteLine($"majority {majority:F3}, minority {minority:F3}");
        Assert.True(majority > 0.6 && minority < 0.4, $"majority {majority}, minority {minority}");
        Assert.All(agreement, e => Assert.Equal(40, e.NonTieCount));
    }

    private static double MatchedAccuracy(BradleyTerryMixtureResult fit, Dictionary<string, int> truth)
    {
        int k = fit.GroupCount;
        var confusion = new int[k, 3];
        foreach (var a in fit.Annotators) confusion[a.Group, truth[a.Annotator]]++;
        double best = 0;
        foreach (var perm in Permutations(Enumerable.Range(0, Math.Max(k, 3)).ToArray()))
        {
            int correct = 0;
            for (int g = 0; g < k; g++) if (perm[g] < 3) correct += confusion[g, perm[g]];
            best = Math.Max(best, correct / (double)fit.Annotators.Count);
        }
        return best;
    }

    private static IEnumerable<int[]> Permutations(int[] values)
    {
        if (values.Length <= 1) { yield return values; yield break; }
        for (int i = 0; i < values.Length; i++)
            foreach (var rest in Permutations(values.Where((_, j) => j != i).ToArray()))
                yield return [values[i], .. rest];
    }
}
