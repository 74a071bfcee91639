using PrefSharp.Torch.Training.Grpo;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Grpo;

public class AdvantageTests
{
    private static double[] Values(Tensor t) => t.to(ScalarType.Float64).data<double>().ToArray();

    private static void Equal(double[] expected, Tensor actual, int precision = 9)
    {
        var values = Values(actual);
        Assert.Equal(expected.Length, values.Length);
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], values[i], precision);
    }

    [Fact]
    public void Group_scaling_divides_by_the_unbiased_group_std_plus_1e4()
    {
        // Group 1: [1, 2, 3]: mean 2, unbiased std √((1 + 0 + 1)/2) = 1 → (r − 2)/(1 + 1e-4) = ∓0.99990001.
        // Group 2: [5, 5, 5]: std 0 → (r − 5)/1e-4 = 0.
        using var rewards = tensor(new double[] { 1, 2, 3, 5, 5, 5 });
        using var advantages = GroupAdvantages.Compute(rewards, groupSize: 3);
        Equal([-1 / 1.0001, 0, 1 / 1.0001, 0, 0, 0], advantages);
    }

    [Fact]
    public void Batch_scaling_uses_group_mean_and_one_unbiased_batch_std()
    {
        // Batch mean 3.5; squared deviations 6.25 + 2.25 + 0.25 + 3·2.25 = 15.5; unbiased var 15.5/5 = 3.1,
        // std √3.1 = 1.7606816861659009. Centred by group: [−1, 0, 1, 0, 0, 0].
        using var rewards = tensor(new double[] { 1, 2, 3, 5, 5, 5 });
        using var advantages = GroupAdvantages.Compute(rewards, 3, AdvantageScaling.Batch);
        var s = Math.Sqrt(3.1) + 1e-4;
        Equal([-1 / s, 0, 1 / s, 0, 0, 0], advantages);
    }

    [Fact]
    public void Dr_grpo_only_subtracts_the_group_mean()
    {
        // [1, 2, 6]: mean 3 → [−2, −1, 3]; [2, 2, 8]: mean 4 → [−2, −2, 4].
        using var rewards = tensor(new double[] { 1, 2, 6, 2, 2, 8 });
        using var advantages = GroupAdvantages.Compute(rewards, 3, AdvantageScaling.None);
        Equal([-2, -1, 3, -2, -2, 4], advantages);
    }

    [Fact]
    public void Rloo_baseline_is_the_mean_of_the_others()
    {
        // [1, 2, 3]: baselines (2+3)/2 = 2.5, (1+3)/2 = 2, (1+2)/2 = 1.5 → [−1.5, 0, 1.5] = 3/2 · (r − 2).
        using var rewards = tensor(new double[] { 1, 2, 3 });
        using var advantages = LeaveOneOutAdvantages.Compute(rewards, 3);
        Equal([-1.5, 0, 1.5], advantages);
        // G = 4: [0, 0, 4, 8]: baselines 12/3 = 4, 4, 8/3, 4/3 → [−4, −4, 4/3, 20/3].
        using var four = LeaveOneOutAdvantages.Compute(tensor(new double[] { 0, 0, 4, 8 }), 4);
        Equal([-4, -4, 4.0 / 3, 20.0 / 3], four);
    }

    [Fact]
    public void Reinforce_plus_plus_whitens_over_the_whole_batch_with_population_std()
    {
        // [1, 2, 3]: mean 2, population var 2/3, std 0.816496580927726 → ∓1/(0.816496580927726 + 1e-8) ≈ ∓1.2247449.
        using var plain = GlobalWhitening.ReinforcePlusPlus(tensor(new double[] { 1, 2, 3 }), 3, groupBaseline: false);
        var s = Math.Sqrt(2.0 / 3) + 1e-8;
        Equal([-1 / s, 0, 1 / s], plain);
        // Baseline variant, G = 2: [1, 3, 10, 10] → centred [−1, 1, 0, 0]; population std √(2/4) → ≈ [−√2, √2, 0, 0].
        using var baseline = GlobalWhitening.ReinforcePlusPlus(tensor(new double[] { 1, 3, 10, 10 }), 2, groupBaseline: true);
        var h = Math.Sqrt(0.5) + 1e-8;
        Equal([-1 / h, 1 / h, 0, 0], baseline);
    }

    [Fact]
    public void Bad_layouts_are_rejected_with_the_group_size_named()
    {
        using var rewards = tensor(new double[] { 1, 2, 3, 4, 5 });
        var error = Assert.Throws<ArgumentException>(() => GroupAdvantages.Compute(rewards, 2));
        Assert.Contains("group size 2", error.Message);
        Assert.Throws<ArgumentException>(() => LeaveOneOutAdvantages.Compute(rewards, 1));
    }
}
