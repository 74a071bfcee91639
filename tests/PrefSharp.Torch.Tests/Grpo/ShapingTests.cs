using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Rewards.Shaping;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Grpo;

public class ShapingTests
{
    private static double[] Values(Tensor t) => t.to(ScalarType.Float64).data<double>().ToArray();

    private static void Equal(double[] expected, Tensor actual, int precision = 10)
    {
        var values = Values(actual);
        Assert.Equal(expected.Length, values.Length);
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], values[i], precision);
    }

    [Fact]
    public void Par_averages_sigmoid_of_the_margin_over_reference_rewards()
    {
        // r = ln 3 against references [0, ln 3]: (σ(ln 3) + σ(0))/2 = (0.75 + 0.5)/2 = 0.625.
        // r = 0 against [0, ln 3]: (0.5 + 0.25)/2 = 0.375.
        using var shaped = PreferenceAsReward.Compute(tensor(new double[] { Math.Log(3), 0 }),
            tensor(new double[,] { { 0, Math.Log(3) }, { 0, Math.Log(3) } }));
        Equal([0.625, 0.375], shaped);
        Equal([0.75], PreferenceAsReward.Compute(tensor(new double[] { Math.Log(3) }), tensor(new double[] { 0 })));
    }

    [Fact]
    public void Log_sigmoid_transform_and_its_sum_over_properties()
    {
        // log σ(ln 3) = log 0.75; log σ(0) = log 0.5; combined over two properties: log 0.375.
        using var rewards = tensor(new double[,] { { Math.Log(3), 1 } });
        using var reference = tensor(new double[] { 0, 1 });
        Equal([Math.Log(0.75), Math.Log(0.5)], LogSigmoidTransform.Compute(rewards, reference));
        Equal([Math.Log(0.375)], LogSigmoidTransform.Combine(rewards, reference));
    }

    [Fact]
    public void Sum_against_normalise_then_sum()
    {
        // Two rewards, one group of G = 2: column 0 = [0, 100], column 1 = [1, 0].
        // Sum: [1, 100] — the large-scale reward decides. Normalise-then-sum: each column's group advantage is
        // ±(d/2)/(std + 1e-4) with unbiased std |d|/√2, i.e. ±1/(√2 + 1e-4·√2/|d|):
        //   column 0: [−50/(70.7106781 + 1e-4), +50/(70.7106781 + 1e-4)]; column 1: [+0.5/(0.7071068 + 1e-4), −…].
        using var rewards = tensor(new double[,] { { 0, 1 }, { 100, 0 } });
        Equal([1, 100], MultiRewardAggregation.WeightedSum(rewards));
        Equal([0, 50], MultiRewardAggregation.WeightedSum(rewards, [0.5, 0]));   // 0.5·[0, 100] + 0·[1, 0]
        var a0 = 50 / (Math.Sqrt(5000) + 1e-4);
        var a1 = 0.5 / (Math.Sqrt(0.5) + 1e-4);
        Equal([-a0 + a1, a0 - a1], MultiRewardAggregation.NormalizeThenSum(rewards, 2), 9);
    }

    [Fact]
    public void Log_tamed_compresses_only_the_rewards_that_vary_more_than_average()
    {
        // Column 0 = [1, 3]: mean 2, population std 1, h = 1/2.000001 ≈ 0.5. Column 1 = [10, 10]: h = 0.
        // Threshold = mean h ≈ 0.25 → column 0 becomes log(1 + r) = [ln 2, ln 4]; column 1 stays.
        using var rewards = tensor(new double[,] { { 1, 10 }, { 3, 10 } });
        Equal([Math.Log(2) + 10, Math.Log(4) + 10], LogTamedAggregation.Compute(rewards));
        // A threshold above 0.5 leaves both as they are.
        Equal([11, 13], LogTamedAggregation.Compute(rewards, threshold: 0.6));
    }

    [Fact]
    public void Conservative_ensembles_take_the_minimum_or_penalise_the_variance()
    {
        // Members [1, 3]: min 1; mean 2, population variance 1 → UWO(λ = 0.5) = 1.5. Members [2, 2]: 2 and 2.
        using var rewards = tensor(new double[,] { { 1, 2 }, { 3, 2 } });   // (K, B): one row per member
        Equal([1, 2], EnsembleAggregation.Aggregate(rewards, EnsembleAggregationKind.WorstCase));
        Equal([1.5, 2], EnsembleAggregation.Aggregate(rewards, EnsembleAggregationKind.UncertaintyWeighted, 0.5));
    }

    [Fact]
    public void Lagrange_multiplier_grows_while_its_constraint_is_violated_and_decays_to_zero_after()
    {
        // θ = 0.5, η = 2. Batch mean 0.3 (violated by 0.2): λ = 0 − 2·(0.3 − 0.5) = 0.4.
        // Lagrangian reward of r_0 = 1, r_1 = 0.3: 1 + 0.4·(0.3 − 0.5) = 0.92.
        // Then mean 0.7 (satisfied by 0.2): λ = max(0, 0.4 − 2·0.2) = 0; then mean 0.9: stays 0 (projection).
        var multipliers = new LagrangeMultipliers([0.5], learningRate: 2);
        multipliers.Update([0.3]);
        Assert.Equal(0.4, multipliers.Values[0], 12);
        using var combined = multipliers.Combine(tensor(new double[] { 1 }), tensor(new double[,] { { 0.3 } }));
        Equal([0.92], combined);
        multipliers.Update([0.7]);
        Assert.Equal(0.0, multipliers.Values[0], 12);
        multipliers.Update([0.9]);
        Assert.Equal(0.0, multipliers.Values[0]);
    }
}
