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
        // Gate logits [0, log 3] → weights [¼, ¾]; objectives [4, 0] → R = 1; [0, 4] → R = 3.
        var gate = T(new double[,] { { 0, Math.Log(3) } });
        Assert.Equal(1.0, Values(ObjectiveGating.Combine(T(new double[,] { { 4, 0 } }), gate))[0], 12);
        // Pair: R_c = 3, R_r = 1, β = ½ → softplus(−1) = 0.313262.
        Assert.Equal(0.313262, Values(GatedRewardLoss.Compute(T(new double[,] { { 0, 4 } }), T(new double[,] { { 4, 0 } }), gate, 0.5))[0], 6);
        // Regression: (1 − 0)² + masked (5 − 0)² → 1.
        var rated = tensor(new[,] { { true, false } });
        Assert.Equal(1.0, Values(MultiObjectiveRegressionLoss.Compute(T(new double[,] { { 1, 5 } }), T(new double[,] { { 0, 0 } }), rated))[0], 12);
    }

    [Fact]
    public void Preference_direction_projects_the_reward_vector()
    {
        using var scope = NewDisposeScope();
        var rewards = tensor(new float[,] { { 3, 4 } });
        Assert.Equal(3.0, Values(PreferenceDirection.Project(rewards, PreferenceDirection.FromAngle(0)))[0], 5);
        // v = (1, 1)/√2: (3 + 4)/√2 = 4.949747.
        Assert.Equal(4.949747, Values(PreferenceDirection.Project(rewards, tensor(new float[] { 1, 1 })))[0], 5);
        Assert.Throws<ArgumentException>(() => PreferenceDirection.Project(rewards, tensor(new float[] { 0, 0 })));
    }

    [Fact]
    public void Gating_network_has_sequential_names()
    {
        using var gating = new ObjectiveGating(8, 4, 3);
        Assert.Equal(["gate.0.bias", "gate.0.weight", "gate.2.bias", "gate.2.weight"], gating.named_parameters().Select(p => p.name).Order());
    }
}
