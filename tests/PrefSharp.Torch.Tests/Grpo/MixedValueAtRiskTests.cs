using PrefSharp.Torch.Training.Grpo;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Grpo;

/// <summary>RiskPO's advantages (Ren et al. 2025) on a bundle worked by hand.</summary>
public sealed class MixedValueAtRiskTests
{
    [Fact]
    public void A_bundle_of_two_questions_gets_the_advantages_worked_by_hand()
    {
        // Prompt 0 rewards [1, 0, 3, 2], prompt 1 [1, 2, 1, 4]: one bundle, papers g = 0..3 score the means [1, 1, 2, 3].
        // Sorted [1, 1, 2, 3]: q_0.5 at position 1.5 = 1.5, q_0.75 at position 2.25 = 2.25.
        // Range term ([s − 1.5]₊ − [s − 2.25]₊ + 1.5 − 2.25) / 0.25: s = 1 → −3, s = 2 → −1, s = 3 → 0.
        // Tail term −[1.5 − s]₊ / 0.5: s = 1 → −1, else 0. With ω = 1.5: (1.5·tail + range) / 2.5 = −1.8, −0.4, 0.
        using var rewards = tensor(new double[] { 1, 0, 3, 2, 1, 2, 1, 4 });
        var options = new MixedValueAtRiskOptions { Lower = 0.5, Upper = 0.75, TailWeight = 1.5, BundleSize = 2 };
        using var advantages = MixedValueAtRisk.Compute(rewards, 4, options);
        double[] expected = [-1.8, -1.8, -0.4, 0, -1.8, -1.8, -0.4, 0];
        var actual = advantages.data<double>().ToArray();
        var tolerance = FloatTolerance.Of(ScalarType.Float64, 16, 4);
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], tolerance);
    }

    [Fact]
    public void A_bundle_size_that_does_not_divide_the_prompts_is_refused()
    {
        using var rewards = tensor(new double[] { 1, 0, 3, 2, 1, 2 });
        var error = Assert.Throws<ArgumentException>(() => MixedValueAtRisk.Compute(rewards, 2, new MixedValueAtRiskOptions { BundleSize = 2 }));
        Assert.Contains("divide the prompts per step 3", error.Message);
    }
}
