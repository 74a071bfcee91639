using PrefSharp.Core.Metrics;

namespace PrefSharp.Core.Tests.Metrics;

public sealed class RidgeProbeTests
{
    [Fact]
    public void One_feature_gives_the_shrunk_slope_in_closed_form()
    {
        // Train x = (−1, 1), y = (−2, 2): standardised x is x itself; w = Σxy / (Σx² + λn) = 4 / (2 + 2λ) = 2/(1 + λ).
        // Held out x = (−2, 2), y = (−4, 4): predictions ±4/(1 + λ), so R² = 1 − (λ/(1 + λ))² = 1 − 1/9 at λ = ½.
        double[][] x = [[-1], [1], [-2], [2]];
        double[] y = [-2, 2, -4, 4];
        Assert.Equal(1 - 1.0 / 9, RidgeProbe.HeldOutR2(x, y, [0, 1], [2, 3], lambda: 0.5), 12);
    }

    [Fact]
    public void A_linear_target_is_recovered_noise_is_not_and_a_constant_has_nothing_to_explain()
    {
        var random = new Random(3);
        var x = Enumerable.Range(0, 400).Select(_ => new[] { random.NextDouble(), random.NextDouble() * 5, random.NextDouble() - 3 }).ToList();
        var linear = x.Select(r => 2 * r[0] - 0.5 * r[1] + 7).ToList();
        var noise = x.Select(_ => random.NextDouble()).ToList();
        int[] train = [.. Enumerable.Range(0, 300)];
        int[] heldOut = [.. Enumerable.Range(300, 100)];
        Assert.InRange(RidgeProbe.HeldOutR2(x, linear, train, heldOut), 0.999, 1.0);
        Assert.InRange(RidgeProbe.HeldOutR2(x, noise, train, heldOut), -0.2, 0.1);   // 100 held-out draws: R² of an unrelated fit stays near 0
        Assert.True(double.IsNaN(RidgeProbe.HeldOutR2(x, Enumerable.Repeat(1.0, 400).ToList(), train, heldOut)));
        Assert.Throws<ArgumentException>(() => RidgeProbe.HeldOutR2(x, linear, train, heldOut, lambda: 0));
    }
}
