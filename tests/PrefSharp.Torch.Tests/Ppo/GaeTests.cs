using PrefSharp.Torch.Training.Ppo;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Ppo;

/// <summary>GAE (Schulman et al. 2016, Eq. 16) against hand numbers and a plain-double backward recursion.</summary>
public class GaeTests
{
    // float32 inputs of size ≤ 4, a recursion of ≤ 5 steps with 4 roundings each.
    private static readonly double Tolerance = FloatTolerance.Of(ScalarType.Float32, 20, 10);

    [Fact]
    public void With_gamma_and_lambda_one_the_advantage_is_the_reward_to_go_minus_the_value()
    {
        // One row, positions 0 (prompt, unscored), 1..3 scored: rewards 0.5, −1, 2; values 1, 2, 3.
        // Â_3 = 2 − 3 = −1; Â_2 = −1 + 3 − 2 + Â_3 = −1; Â_1 = 0.5 + 2 − 1 + Â_2 = 0.5 (= 0.5 − 1 + 2 − V_1 = 1.5 − 1).
        var rewards = tensor(new float[,] { { 9, 0.5f, -1, 2 } });
        var values = tensor(new float[,] { { 7, 1, 2, 3 } });
        var mask = tensor(new float[,] { { 0, 1, 1, 1 } });
        var (advantages, returns) = Gae.Compute(rewards, values, mask, 1.0, 1.0);
        var expected = new[] { 0, 0.5, -1, -1 };
        for (var t = 0; t < 4; t++) Assert.Equal(expected[t], advantages[0, t].item<float>(), Tolerance);
        var expectedReturns = new[] { 0, 1.5, 1, 2 };                  // Â + V: the rewards to go
        for (var t = 0; t < 4; t++) Assert.Equal(expectedReturns[t], returns[0, t].item<float>(), Tolerance);
    }

    [Fact]
    public void Matches_a_plain_double_recursion_on_padded_rows()
    {
        const double gamma = 0.9, lambda = 0.8;
        double[,] r = { { 0, 0.3, -0.2, 1.0, 0 }, { 0, 0, 0.1, 0.4, -0.7 } };
        double[,] v = { { 5, 0.2, 0.5, -0.1, 4 }, { 3, 3, 0.6, -0.3, 0.9 } };
        double[,] m = { { 0, 1, 1, 1, 0 }, { 0, 0, 1, 1, 1 } };
        var (advantages, returns) = Gae.Compute(Float(r), Float(v), Float(m), gamma, lambda);
        for (var b = 0; b < 2; b++)
        {
            double next = 0, nextValue = 0;
            for (var t = 4; t >= 0; t--)
            {
                var expected = 0.0;
                if (m[b, t] == 1)
                {
                    expected = r[b, t] + gamma * nextValue - v[b, t] + gamma * lambda * next;
                    next = expected;
                    nextValue = v[b, t];
                }
                Assert.Equal(expected, advantages[b, t].item<float>(), Tolerance);
                Assert.Equal(m[b, t] == 1 ? expected + v[b, t] : 0, returns[b, t].item<float>(), Tolerance);
            }
        }
    }

    private static Tensor Float(double[,] values) => tensor(values).to(ScalarType.Float32);
}
