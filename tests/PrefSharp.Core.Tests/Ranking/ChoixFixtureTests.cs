using System.Text.Json;
using PrefSharp.Core.Data;
using PrefSharp.Core.Ranking;

namespace PrefSharp.Core.Tests.Ranking;

/// <summary>
/// Agreement with choix's maximum-likelihood estimates (`ml_est`, centred natural-log strengths) on its test
/// fixtures: pairwise ([winner, loser]) by Bradley–Terry, rankings (best first) and top-1 choices
/// ([winner, [others]]) by Plackett–Luce through both MM and L-BFGS.
/// </summary>
public class ChoixFixtureTests
{
    private static (int Items, JsonElement Data, double[] Expected, JsonDocument Document) Load(string name)
    {
        var document = JsonDocument.Parse(File.ReadAllText(SharedData.Path($"rankings/choix-fixtures/{name}.json")));
        var root = document.RootElement;
        double[] expected = [.. root.GetProperty("ml_est").EnumerateArray().Select(e => e.GetDouble())];
        return (root.GetProperty("n_items").GetInt32(), root.GetProperty("data"), expected, document);
    }

    private static ItemIndex Numbered(int count) => new(Enumerable.Range(0, count).Select(k => k.ToString()));

    private static void AssertCentredEqual(double[] expected, double[] actual, double tolerance)
    {
        double mean = actual.Average();
        for (int k = 0; k < expected.Length; k++) Assert.Equal(expected[k], actual[k] - mean, tolerance);
    }

    [SharedDataTheory]
    [InlineData("testcase-pairwise-1")]
    [InlineData("testcase-pairwise-2")]
    public void PairwiseBradleyTerryMatchesChoix(string name)
    {
        var (items, data, expected, document) = Load(name);
        using var _ = document;
        var battles = data.EnumerateArray().Select(p => new Battle(p[0].GetInt32().ToString(), p[1].GetInt32().ToString(), BattleOutcome.A)).ToList();
        var fit = BradleyTerry.Fit(PairwiseCounts.FromBattles(battles, Numbered(items)));
        AssertCentredEqual(expected, fit.Strengths, 1e-6);
        // The same comparisons as two-item rankings give the same Plackett–Luce estimate.
        var rankings = new ChoiceData(Numbered(items));
        foreach (var battle in battles) rankings.AddRanking([battle.ItemA, battle.ItemB]);
        AssertCentredEqual(expected, PlackettLuce.Fit(rankings).Strengths, 1e-6);
    }

    [SharedDataTheory]
    [InlineData("testcase-rankings-1")]
    [InlineData("testcase-rankings-2")]
    public void RankingsPlackettLuceMatchesChoixByBothMethods(string name)
    {
        var (items, data, expected, document) = Load(name);
        using var _ = document;
        var rankings = new ChoiceData(Numbered(items));
        foreach (var ranking in data.EnumerateArray()) rankings.AddRanking([.. ranking.EnumerateArray().Select(e => e.GetInt32().ToString())]);
        var mm = PlackettLuce.Fit(rankings, PlackettLuceMethod.MinorizationMaximization);
        var lbfgs = PlackettLuce.Fit(rankings, PlackettLuceMethod.Lbfgs);
        AssertCentredEqual(mm.Strengths, lbfgs.Strengths, 1e-8);
        if (name != "testcase-rankings-2")
        {
            AssertCentredEqual(expected, mm.Strengths, 1e-6);
            return;
        }
        // choix's ml_est here stopped ~3e-5 short of the optimum: an independent Python MM run to 1e-15 gives
        // β = (−0.4433084893, 0.6950678670, −0.6706095703, 0.4188501926) with ℓ = −3.762612095430, above
        // ℓ(ml_est) = −3.762612095824. We match the converged optimum to 1e-8 and choix to its own accuracy.
        AssertCentredEqual([-0.44330848930789, 0.6950678669588772, -0.6706095702648918, 0.41885019261390494], mm.Strengths, 1e-8);
        AssertCentredEqual(expected, mm.Strengths, 5e-5);
        Assert.True(mm.LogLikelihood > PlackettLuceLikelihood.Evaluate(rankings, expected, []));
    }

    [SharedDataTheory]
    [InlineData("testcase-top1-1")]
    [InlineData("testcase-top1-2")]
    public void TopOneChoicesMatchChoixByBothMethods(string name)
    {
        var (items, data, expected, document) = Load(name);
        using var _ = document;
        var choices = new ChoiceData(Numbered(items));
        foreach (var choice in data.EnumerateArray())
            choices.AddChoice(choice[0].GetInt32().ToString(), [.. choice[1].EnumerateArray().Select(e => e.GetInt32().ToString())]);
        AssertCentredEqual(expected, PlackettLuce.Fit(choices, PlackettLuceMethod.MinorizationMaximization).Strengths, 1e-6);
        AssertCentredEqual(expected, PlackettLuce.Fit(choices, PlackettLuceMethod.Lbfgs).Strengths, 1e-6);
    }
}
