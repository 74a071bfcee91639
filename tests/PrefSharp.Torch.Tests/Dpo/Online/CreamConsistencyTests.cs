using PrefSharp.Core.Ranking.Active;
using PrefSharp.Torch.Losses.Preference;
using PrefSharp.Torch.Training.Dpo.Online;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Dpo.Online;

/// <summary>CREAM's consistency rate C = (τ + 1)/2 (Wang et al. 2024) at hand-computed rankings.</summary>
public sealed class CreamConsistencyTests
{
    // K = 4 gives 6 item pairs; τ = 1 − 2·d/6 with d the Kendall distance (discordant pairs, ½ for a one-sided tie).
    private static readonly double[] CurrentA = [4, 3, 2, 1], PreviousA = [4, 3, 1, 2];   // only (2, 3) discordant: d = 1, τ = 2/3, C = 5/6
    private static readonly double[] CurrentB = [1, 2, 3, 4], PreviousB = [4, 3, 2, 1];   // all 6 discordant: τ = −1, C = 0
    private static readonly double[] CurrentC = [1, 1, 2, 3], PreviousC = [1, 2, 3, 4];   // (0, 1) tied in current only: d = ½, τ = 5/6, C = 11/12

    [Fact]
    public void Rates_at_hand_computed_rankings()
    {
        Assert.Equal(2.0 / 3, RankingDistance.KendallTau(CurrentA, PreviousA), 12);
        Assert.Equal(5.0 / 6, CreamConsistency.Rate(CurrentA, PreviousA), 12);
        Assert.Equal(0.0, CreamConsistency.Rate(CurrentB, PreviousB), 12);
        Assert.Equal(11.0 / 12, CreamConsistency.Rate(CurrentC, PreviousC), 12);
        Assert.Equal(1.0, CreamConsistency.Rate([0.3, 0.9], [-5, 7]), 12);                  // same order, other scale
        Assert.Throws<ArgumentException>(() => CreamConsistency.Rate([1.0], [1.0]));
    }

    [Fact]
    public void Per_prompt_and_average_weights()
    {
        double[] current = [.. CurrentA, .. CurrentB, .. CurrentC];
        double[] previous = [.. PreviousA, .. PreviousB, .. PreviousC];
        Assert.Equal([5.0 / 6, 0.0, 11.0 / 12], CreamConsistency.PromptWeights(current, previous, 4, CreamMode.PerPrompt), new Tolerance(1e-12));
        // (10/12 + 0 + 11/12)/3 = 21/36 = 7/12 for every prompt
        Assert.All(CreamConsistency.PromptWeights(current, previous, 4, CreamMode.Average), c => Assert.Equal(7.0 / 12, c, 12));
        Assert.All(CreamConsistency.PromptWeights(current, previous, 4, CreamMode.Off), c => Assert.Equal(1.0, c));
    }

    [Fact]
    public void The_regularised_loss_is_the_soft_label_loss_with_p_equal_to_C()
    {
        // CREAM: L = C·L_DPO(y⁺, y⁻) + (1 − C)·L_DPO(y⁻, y⁺). At β = 0.5, log-ratios 3 and 1 (β·h = 1) and C = 5/6 (rankings A):
        // 5/6·log(1 + e^−1) + 1/6·log(1 + e) = 5/6·0.31326169 + 1/6·1.31326169 = 0.26105141 + 0.21887695 = 0.47992836.
        var c = CreamConsistency.Rate(CurrentA, PreviousA);
        using var loss = SoftLabelLoss.Compute(tensor(new[] { 3.0 }), tensor(new[] { 1.0 }), tensor(new[] { c }), beta: 0.5);
        Assert.Equal(0.47992836, loss.item<double>(), 7);
    }

    private sealed class Tolerance(double epsilon) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= epsilon;
        public int GetHashCode(double value) => 0;
    }
}
