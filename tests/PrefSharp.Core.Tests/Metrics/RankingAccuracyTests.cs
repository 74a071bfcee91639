using PrefSharp.Core.Metrics;

namespace PrefSharp.Core.Tests.Metrics;

public sealed class RankingAccuracyTests
{
    // Five pairs. Reference margins Δ = log π_ref(y_w) − log π_ref(y_l): [1, −2, 0.5, 0, −3]; true preferences α:
    // [0.7, 0.8, 0.2, 0.5, hard label]; logit(α) = [0.8473, 1.3863, −1.3863, 0, +∞].
    private static readonly double[] ReferenceChosen = [-10, -12, -8, -5, -9];
    private static readonly double[] ReferenceRejected = [-11, -10, -8.5, -5, -6];
    private static readonly double?[] Preferences = [0.7, 0.8, 0.2, 0.5, null];

    [Theory]
    // β = 0.1: Δ + logit(α)/β = [9.47, 11.86, −13.36, 0 (tie, ½), +∞] → 3.5 / 5
    [InlineData(0.1, 0.7)]
    // β = 1: [1.85, −0.61, −0.89, 0 (½), +∞] → 2.5 / 5
    [InlineData(1.0, 0.5)]
    // β = 10: [1.08, −1.86, 0.36, 0 (½), +∞] → 3.5 / 5
    [InlineData(10.0, 0.7)]
    public void Idealised_ranking_accuracy_follows_theorem_3_1_by_hand(double beta, double expected) =>
        Assert.Equal(expected, RankingAccuracy.Idealised(ReferenceChosen, ReferenceRejected, Preferences, beta), 12);

    [Fact]
    public void Observed_ranking_accuracy_compares_policy_likelihoods_with_ties_as_half()
    {
        // chosen > rejected in pairs 0 and 4, below in 1 and 2, equal in 3: (2 + ½) / 5
        Assert.Equal(0.5, RankingAccuracy.Observed([-9, -13, -8, -5, -4], [-10, -10, -7, -5, -6]), 12);
    }

    [Fact]
    public void The_flip_loss_bound_is_softplus_of_the_scaled_reference_margin()
    {
        // softplus(0.1·1) = ln(1 + e^0.1); softplus(0.1·(−2)) = ln(1 + e^−0.2); a large margin gives the margin itself
        Assert.Equal(0.744396660073571, RankingAccuracy.FlipLossBound(-10, -11, 0.1), 12);
        Assert.Equal(0.5981388693815918, RankingAccuracy.FlipLossBound(-12, -10, 0.1), 12);
        Assert.Equal(40.0, RankingAccuracy.FlipLossBound(0, -400, 0.1), 12);
    }

    [Fact]
    public void Out_of_range_preferences_and_beta_are_refused()
    {
        Assert.Throws<ArgumentException>(() => RankingAccuracy.Idealised([0.0], [0.0], [1.5], 0.1));
        Assert.Throws<ArgumentException>(() => RankingAccuracy.Idealised([0.0], [0.0], [0.5], 0));
        Assert.Throws<ArgumentException>(() => RankingAccuracy.Idealised([0.0, 1], [0.0, 1], [0.5], 0.1));
    }
}
