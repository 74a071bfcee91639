using PrefSharp.Core.Data;
using PrefSharp.Core.Gym;

namespace PrefSharp.Core.Tests.Gym;

public sealed class SimulatedAnnotatorTests
{
    private static double RateOf(SimulatedAnnotator annotator, double utilityA, double utilityB, BattleOutcome outcome, int trials = 40_000)
    {
        var random = new Random(11);
        return Enumerable.Range(0, trials).Count(_ => annotator.Judge(utilityA, utilityB, random) == outcome) / (double)trials;
    }

    /// <summary>Within 4 standard errors of a binomial proportion.</summary>
    private static void AssertNear(double expected, double actual, int trials = 40_000) =>
        Assert.InRange(actual, expected - 4 * Math.Sqrt(expected * (1 - expected) / trials), expected + 4 * Math.Sqrt(expected * (1 - expected) / trials));

    [Fact]
    public void Bradley_Terry_choice_follows_the_logistic_of_the_gap_over_temperature()
    {
        // σ(1 / 1) = 0.7310586, σ(1 / 0.5) = σ(2) = 0.8807971
        AssertNear(0.7310586, RateOf(new SimulatedAnnotator("a"), 1.0, 0.0, BattleOutcome.A));
        AssertNear(0.8807971, RateOf(new SimulatedAnnotator("a") { Temperature = 0.5 }, 1.0, 0.0, BattleOutcome.A));
    }

    [Fact]
    public void A_perfect_judge_with_flips_agrees_with_gold_at_one_minus_the_flip_rate()
    {
        AssertNear(0.8, RateOf(new SimulatedAnnotator("a") { Temperature = 0, FlipRate = 0.2 }, 0.3, 0.0, BattleOutcome.A));
    }

    [Fact]
    public void Gaps_below_the_margin_are_ties_and_position_bias_shifts_the_gap()
    {
        var annotator = new SimulatedAnnotator("a") { TieMargin = 0.5, PositionBias = 0.3 };
        Assert.Equal(1.0, RateOf(annotator, 0.0, 0.7, BattleOutcome.Tie, 1000)); // gap −0.4 after the bias
        AssertNear(1 / (1 + Math.Exp(-0.9)), RateOf(annotator, 0.6, 0.0, BattleOutcome.A)); // σ(0.6 + 0.3)
    }

    [Fact]
    public void Invalid_settings_name_the_option()
    {
        var error = Assert.Throws<ArgumentException>(() => new SimulatedAnnotator("a") { FlipRate = 0.7 }.Judge(1, 0, new Random(1)));
        Assert.Contains("FlipRate", error.Message);
    }
}
