using PrefSharp.Torch.Training.Dpo.Online;

namespace PrefSharp.Torch.Tests.Dpo.Online;

/// <summary>RSO's rejection sampler (Liu et al. 2024, Algorithm 1) against the closed-form target π·exp(r/β)/Z.</summary>
public sealed class RejectionSamplingTests
{
    [Fact]
    public void Accepted_candidates_of_a_tabular_policy_follow_pi_times_exp_r_over_beta()
    {
        // π_sft = (0.4, 0.3, 0.2, 0.1) over four responses with rewards r = (0, 0.5, 1, 1.5), β = 0.5, bound r_max = 1.5.
        // Target q_y ∝ π_y·exp(r_y/β) = (0.4, 0.3e, 0.2e², 0.1e³) = (0.4, 0.81548, 1.47781, 2.00855), Z = 4.70184,
        // q = (0.08507, 0.17344, 0.31430, 0.42718); acceptance rate Σ π_y·exp((r_y − 1.5)/0.5) = Z·e^−3 = 0.23409.
        double[] policy = [0.4, 0.3, 0.2, 0.1];
        double[] reward = [0, 0.5, 1.0, 1.5];
        double[] target = [0.08507, 0.17344, 0.31430, 0.42718];
        const int candidates = 40_000;
        var random = new Random(7);
        var drawn = Enumerable.Range(0, candidates).Select(_ => Draw(policy, random)).ToArray();

        var accepted = RejectionSampling.AcceptOnce(drawn.Select(y => reward[y]).ToList(), maxReward: 1.5, beta: 0.5, random);

        var n = accepted.Count;
        // binomial tolerances at 5 standard errors: rate ± 5·√(0.234·0.766/40000) = ± 0.0106, q_y ± 5·√(q(1 − q)/n)
        Assert.InRange(n / (double)candidates, 0.23409 - 0.0106, 0.23409 + 0.0106);
        for (var y = 0; y < 4; y++)
        {
            var share = accepted.Count(i => drawn[i] == y) / (double)n;
            var tolerance = 5 * Math.Sqrt(target[y] * (1 - target[y]) / n);
            Assert.True(Math.Abs(share - target[y]) < tolerance, $"response {y}: accepted share {share:F4}, target {target[y]:F4} ± {tolerance:F4}");
        }
    }

    [Fact]
    public void Algorithm_1_returns_distinct_indices_and_always_accepts_the_best_remaining()
    {
        double[] rewards = [0.1, 3.0, -2.0, 0.5, 2.9];
        var random = new Random(3);
        for (var trial = 0; trial < 50; trial++)
        {
            var picked = RejectionSampling.Sample(rewards, beta: 0.1, count: 2, random);
            Assert.Equal(2, picked.Distinct().Count());
            // exp((3 − 3)/β) = 1: index 1 is accepted in the first pass; the others at most exp(−0.1/0.1) = 0.37 (index 4)
            Assert.Contains(1, picked);
        }
        Assert.Equal([0, 1, 2, 3, 4], RejectionSampling.Sample(rewards, 1e6, 5, random).Order());   // β → ∞ accepts all
        Assert.Throws<ArgumentException>(() => RejectionSampling.Sample(rewards, 0, 2, random));
    }

    private static int Draw(double[] policy, Random random)
    {
        var u = random.NextDouble();
        for (var y = 0; y < policy.Length - 1; y++)
            if ((u -= policy[y]) < 0) return y;
        return policy.Length - 1;
    }
}
