using PrefSharp.Torch.Losses.Reward;
using PrefSharp.Torch.Rewards;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Rewards;

/// <summary>Listwise, general-preference and multi-objective heads: golden values by hand and their defining properties.</summary>
public sealed class ListwiseAndVectorLossTests
{
    private static double[] Values(Tensor t) => t.to(ScalarType.Float64).data<double>().ToArray();

    private static Tensor T(double[,] values) => tensor(values, dtype: ScalarType.Float64);

    [Fact]
    public void Plackett_luce_golden_and_reduces_to_bradley_terry()
    {
        using var scope = NewDisposeScope();
        // [2, 1, 0]: log(e² + e + 1) − 2 = 2.407606 − 2 = 0.407606; log(e + 1) − 1 = 0.313262; sum 0.720868.
        Assert.Equal(0.720868, Values(PlackettLuceRewardLoss.Compute(T(new double[,] { { 2, 1, 0 } })))[0], 6);
        // k = 2, and a padded third entry, both equal BT: softplus(−1) = 0.313262.
        Assert.Equal(0.313262, Values(PlackettLuceRewardLoss.Compute(T(new double[,] { { 2, 1 } })))[0], 6);
        var mask = tensor(new[,] { { true, true, false } });
        Assert.Equal(0.313262, Values(PlackettLuceRewardLoss.Compute(T(new double[,] { { 2, 1, 50 } }), mask))[0], 6);
    }

    [Fact]
    public void List_net_golden()
    {
        using var scope = NewDisposeScope();
        // labels [1, 0] → target [e/(e+1), 1/(e+1)] = [0.731059, 0.268941]; rewards [1, 0] → log-softmax
        // [−0.313262, −1.313262]; loss = 0.731059·0.313262 + 0.268941·1.313262 = 0.229009 + 0.353194 = 0.582203.
        Assert.Equal(0.582203, Values(ListNetRewardLoss.Compute(T(new double[,] { { 1, 0 } }), T(new double[,] { { 1, 0 } })))[0], 6);
    }

    [Fact]
    public void General_preference_scores_are_antisymmetric_and_can_cycle()
    {
        using var scope = NewDisposeScope();
        // u = (1, 0), v = (0, 1): u₁v₀ − u₀v₁ = 0 − 1 = −1, and +1 the other way.
        var u = T(new double[,] { { 1, 0 } });
        var v = T(new double[,] { { 0, 1 } });
        Assert.Equal(-1.0, Values(GeneralPreferenceLoss.Score(u, v))[0], 12);
        Assert.Equal(1.0, Values(GeneralPreferenceLoss.Score(v, u))[0], 12);
        // Unit vectors at angles α: s(a ≻ b) = sin(α_a − α_b). At 0°, 120°, 240°: b ≻ a, c ≻ b and a ≻ c, each with
        // s = sin 120° = 0.866 — a cycle no scalar reward can express. Loss of "b ≻ a" = softplus(−0.866025) = log(1 + 0.420620) = 0.351093.
        double[] Unit(double degrees) => [Math.Cos(degrees * Math.PI / 180), Math.Sin(degrees * Math.PI / 180)];
        var (a, b, c) = (Unit(0), Unit(120), Unit(240));
        var winners = tensor(new[] { b, c, a }.SelectMany(x => x).ToArray(), [3, 2], dtype: ScalarType.Float64);
        var losers = tensor(new[] { a, b, c }.SelectMany(x => x).ToArray(), [3, 2], dtype: ScalarType.Float64);
        Assert.All(Values(GeneralPreferenceLoss.Score(winners, losers)), s => Assert.Equal(Math.Sqrt(3) / 2, s, 9));
        Assert.All(Values(GeneralPreferenceLoss.Compute(winners, losers)), l => Assert.Equal(0.351093, l, 6));
        // Eigenvalue 2 on the block doubles the score.
        Assert.Equal(-2.0, Values(GeneralPreferenceLoss.Score(u, v, tensor(new double[] { 2 })))[0], 12);
    }

    [Fact]
    public void Armo_gate_and_regression_golden()
    {
        using var scope = NewDisposeScope();
        // Gate logits [0, 10·ln 3] at τ = 10 → softmax([0, ln 3]) = [¼, ¾]; × β = 2 → weights [½, 3/2].
        var weights = ObjectiveGating.Weights(T(new double[,] { { 0, 10 * Math.Log(3) } }), 10, tensor(new[] { 2.0 }));
        Assert.Equal([0.5, 1.5], Values(weights.flatten()), new ToleranceComparer(1e-12));
        // Objectives [4, 0] → R = ½·4 = 2; [0, 4] → R = 3/2·4 = 6.
        Assert.Equal(2.0, Values(ObjectiveGating.Combine(T(new double[,] { { 4, 0 } }), weights))[0], 12);
        // Pair: R_c = 6, R_r = 2 → −log σ(4) = log(1 + e^−4) = 0.018150.
        Assert.Equal(0.018150, Values(GatedRewardLoss.Compute(T(new double[,] { { 0, 4 } }), T(new double[,] { { 4, 0 } }), weights))[0], 6);
        // Regression: (1 − 0)² + masked (5 − 0)² → 1.
        var rated = tensor(new[,] { { true, false } });
        Assert.Equal(1.0, Values(MultiObjectiveRegressionLoss.Compute(T(new double[,] { { 1, 5 } }), T(new double[,] { { 0, 0 } }), rated))[0], 12);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(double obj) => 0;
    }

    [Fact]
    public void Preference_direction_projects_the_reward_vector()
    {
        using var scope = NewDisposeScope();
        var rewards = tensor(new float[,] { { 3, 4 } });
        // float32: ‖v‖ (two squares, a sum, a root), the division and the dot product over 2: 8 roundings on terms ≤ 7.
        // Skipping the normalisation gives 7 instead of 4.949747.
        var tolerance = FloatTolerance.Of(ScalarType.Float32, 8, 7);
        Assert.Equal(3.0, Values(PreferenceDirection.Project(rewards, PreferenceDirection.FromAngle(0)))[0], tolerance);
        // v = (1, 1)/√2: (3 + 4)/√2 = 4.949747.
        Assert.Equal(7 / Math.Sqrt(2), Values(PreferenceDirection.Project(rewards, tensor(new float[] { 1, 1 })))[0], tolerance);
        Assert.Throws<ArgumentException>(() => PreferenceDirection.Project(rewards, tensor(new float[] { 0, 0 })));
    }

    [Fact]
    public void Gating_network_has_sequential_names()
    {
        using var gating = new ObjectiveGating(8, 3, hiddenSize: 4, hiddenLayers: 1);
        Assert.Equal(["layers.0.bias", "layers.0.weight", "layers.1.bias", "layers.1.weight", "logit_scale"],
            gating.named_parameters().Select(p => p.name).Order(StringComparer.Ordinal));
        using var scope = NewDisposeScope();
        // A fresh gate gives non-negative weights summing to β₀ = 1 for any input.
        var weights = gating.forward(randn(5, 8));
        // float32 softmax over k = 3 (max, exp, sum, division), the scale and the row sum: ≤ 4k + 2 roundings on terms ≤ 1.
        Assert.All(Values(weights.sum(1)), s => Assert.Equal(1.0, s, FloatTolerance.Of(ScalarType.Float32, 4 * 3 + 2, 1)));
        Assert.True(weights.min().item<float>() >= 0);
    }
}
