using PrefSharp.Core.Data;
using PrefSharp.Core.Ranking.Intransitive;
using Xunit.Abstractions;

namespace PrefSharp.Core.Tests.Ranking.Intransitive;

public sealed class IntransitiveTests(ITestOutputHelper output)
{
    private static readonly string[] Three = ["rock", "paper", "scissors"];

    /// <summary>Golden: rock–paper–scissors (unit margins) has the uniform maximal lottery.</summary>
    [Fact]
    public void Maximal_lottery_of_rock_paper_scissors_is_uniform()
    {
        double[][] margin = [[0, -1, 1], [1, 0, -1], [-1, 1, 0]];
        var lottery = MaximalLottery.FromMargins(Three, margin);
        Assert.True(lottery.Verified);
        foreach (var p in lottery.Probabilities) Assert.Equal(1.0 / 3, p, 10);
    }

    /// <summary>
    /// Golden: the asymmetric cycle 0 ≻ 1 by a, 1 ≻ 2 by c, 2 ≻ 0 by b has equilibrium p ∝ (c, b, a), since
    /// (pᵀM)₀ = −a·p₁ + b·p₂ = 0, (pᵀM)₁ = a·p₀ − c·p₂ = 0, (pᵀM)₂ = −b·p₀ + c·p₁ = 0.
    /// </summary>
    [Fact]
    public void Maximal_lottery_of_an_asymmetric_cycle_matches_the_closed_form()
    {
        double a = 0.2, b = 0.6, c = 0.4;
        double[][] margin = [[0, a, -b], [-a, 0, c], [b, -c, 0]];
        var lottery = MaximalLottery.FromMargins(Three, margin);
        double total = a + b + c;
        Assert.Equal(c / total, lottery.Probabilities[0], 10);
        Assert.Equal(b / total, lottery.Probabilities[1], 10);
        Assert.Equal(a / total, lottery.Probabilities[2], 10);
        Assert.True(lottery.Verified);
    }

    /// <summary>Golden: on a transitive set the maximal lottery puts probability 1 on the Condorcet winner.</summary>
    [Fact]
    public void Maximal_lottery_of_a_transitive_set_is_the_Condorcet_winner()
    {
        var matrix = PreferenceMatrix.FromProbabilities(["a", "b", "c", "d"],
            [[0.5, 0.4, 0.3, 0.2], [0.6, 0.5, 0.45, 0.3], [0.7, 0.55, 0.5, 0.4], [0.8, 0.7, 0.6, 0.5]]);
        var lottery = MaximalLottery.Compute(matrix);
        Assert.Equal(1.0, lottery.Probabilities[3], 10);
        Assert.True(lottery.Verified);
        Assert.Empty(CondorcetCycleFinder.FindThreeCycles(matrix));
    }

    [Fact]
    public void Finds_the_planted_cycle_with_its_strength()
    {
        var battles = PlantedCycle(0.8, 100).Concat(Repeat("a", "d", 1.0, 10)).ToList();
        var cycles = CondorcetCycleFinder.FindThreeCycles(PreferenceMatrix.FromBattles(battles));
        var cycle = Assert.Single(cycles);
        Assert.Equal(("a", "b", "c"), (cycle.First, cycle.Second, cycle.Third));
        Assert.Equal(0.6, cycle.Strength, 10); // margin 0.8 − 0.2
    }

    /// <summary>Behaviour: BT is flat on a pure cycle; the GPM fits it (gain ≈ 300·[0.8 ln 0.8 + 0.2 ln 0.2 − ln 0.5] ≈ 57.8 nats).</summary>
    [Fact]
    public void General_preference_model_captures_a_cycle_that_Bradley_Terry_cannot()
    {
        var fit = GeneralPreferenceModel.Fit(PlantedCycle(0.8, 100).ToList());
        output.WriteLine($"GPM logL {fit.LogLikelihood:F2}, BT logL {fit.BradleyTerryLogLikelihood:F2}, gain {fit.LogLikelihoodGain:F2}, P(a≻b) {fit.Probability(0, 1):F4}");
        Assert.All(fit.BradleyTerryRatings, r => Assert.Equal(0, r, 6));
        Assert.Equal(300 * Math.Log(0.5), fit.BradleyTerryLogLikelihood, 6);
        Assert.True(fit.LogLikelihoodGain > 55, $"gain {fit.LogLikelihoodGain}");
        Assert.Equal(0.8, fit.Probability(0, 1), 2);
        Assert.Equal(0.8, fit.Probability(1, 2), 2);
        Assert.Equal(0.8, fit.Probability(2, 0), 2);
        Assert.Equal(1.0, fit.Probability(0, 1) + fit.Probability(1, 0), 12);
    }

    /// <summary>Invariance: on transitive (BT-generated) data the GPM gains next to nothing over BT.</summary>
    [Fact]
    public void General_preference_model_gains_little_on_transitive_data()
    {
        var battles = Repeat("a", "b", 0.7, 100).Concat(Repeat("b", "c", 0.7, 100)).Concat(Repeat("a", "c", 0.845, 100)).ToList();
        var fit = GeneralPreferenceModel.Fit(battles);
        Assert.InRange(fit.LogLikelihoodGain, -1e-3, 0.5);
    }

    internal static IEnumerable<Battle> PlantedCycle(double p, int perPair) =>
        Repeat("a", "b", p, perPair).Concat(Repeat("b", "c", p, perPair)).Concat(Repeat("c", "a", p, perPair));

    /// <summary><paramref name="count"/> battles of which round(p·count) are won by <paramref name="a"/>.</summary>
    internal static IEnumerable<Battle> Repeat(string a, string b, double p, int count)
    {
        int wins = (int)Math.Round(p * count);
        for (int k = 0; k < count; k++) yield return new Battle(a, b, k < wins ? BattleOutcome.A : BattleOutcome.B);
    }
}
