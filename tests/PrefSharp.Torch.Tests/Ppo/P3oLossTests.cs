using PrefSharp.Torch.Training.Ppo;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Ppo;

/// <summary>P3O's clipped pairwise objectives (Wu et al. 2023, §4.2) against hand numbers, and its gradient at ρ = 1 against RLOO with G = 2.</summary>
public class P3oLossTests
{
    private static readonly double Tolerance = FloatTolerance.Of(ScalarType.Float32, 20, 4);

    // One pair: log ρ_a = 0.1 + 0.2 = 0.3, log ρ_b = −0.1 + 0 = −0.1; Δ_a = 1, Δ_b = −1; ε = 0.2.
    private static readonly Tensor LogProbs = tensor(new float[,] { { 0.1f, 0.2f }, { -0.1f, 0 } });
    private static readonly Tensor Differences = tensor(new float[] { 1, -1 });

    [Fact]
    public void Separate_clipping_matches_hand_numbers()
    {
        // ρ_a = e^0.3 = 1.3499 → max(−1.3499, −1.2) = −1.2 (clipped); ρ_b = e^−0.1 = 0.904837 → 0.904837.
        // Σ = ½(−1.2 + 0.904837) = −0.1475813.
        var (sum, clipped) = P3oLoss.Compute(LogProbs, zeros(2, 2), ones(2, 2), Differences, P3oClipping.Separate, 0.2);
        Assert.Equal(-0.1475813, sum.item<float>(), Tolerance);
        Assert.Equal(1, clipped.item<float>());
    }

    [Fact]
    public void Joint_clipping_matches_hand_numbers()
    {
        // ρ_a/ρ_b = e^0.4 = 1.4918 → max(−1.4918, −1.2) = −1.2; ρ_b/ρ_a = e^−0.4 = 0.6703 → max(0.6703, 0.8) = 0.8.
        // Σ = ¼(−1.2 + 0.8) = −0.1, both rows clipped.
        var (sum, clipped) = P3oLoss.Compute(LogProbs, zeros(2, 2), ones(2, 2), Differences, P3oClipping.Joint, 0.2);
        Assert.Equal(-0.1, sum.item<float>(), Tolerance);
        Assert.Equal(2, clipped.item<float>());
    }

    [Theory]
    [InlineData(P3oClipping.Separate)]
    [InlineData(P3oClipping.Joint)]
    public void At_ratio_one_the_gradient_is_the_pairwise_policy_gradient_of_rloo_with_two_samples(P3oClipping clipping)
    {
        // RLOO with G = 2: Â_a = r_a − r_b = 3, Â_b = −3; the loss −½ Σ_i Â_i log π(y_i) has gradient −1.5 on a's tokens, +1.5 on b's.
        var rewards = tensor(new float[] { 4, 1 });
        var differences = P3oLoss.PairDifferences(rewards);
        Assert.Equal([3f, -3f], differences.data<float>().ToArray());
        var logProbs = tensor(new float[,] { { -1, -2 }, { -0.5f, -3 } }).requires_grad_(true);
        var (sum, _) = P3oLoss.Compute(logProbs, logProbs.detach(), ones(2, 2), differences, clipping, 0.2);
        sum.backward();
        var grad = logProbs.grad!.data<float>().ToArray();
        double[] expected = [-1.5, -1.5, 1.5, 1.5];
        for (var i = 0; i < 4; i++) Assert.Equal(expected[i], grad[i], Tolerance);
    }
}
