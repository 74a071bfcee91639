using PrefSharp.Torch.Training.Grpo;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Grpo;

/// <summary>
/// Golden values of TRL's loss types beyond the clipped four, in plain double, on the batch of <see cref="GrpoLossTests"/>:
///   row 0, A = +1, ratios [1.0, 1.3, 0.7]; row 1, A = −1, ratios [1.1, 0.5, (pad)]; old log-probs 0 so log π = log r.
/// </summary>
public class GrpoLossParityTests
{
    private static GrpoLossInputs Batch(bool grad = false) => new(
        tensor(new double[,] { { Math.Log(1.0), Math.Log(1.3), Math.Log(0.7) }, { Math.Log(1.1), Math.Log(0.5), -3.0 } }).requires_grad_(grad),
        zeros(2, 3, ScalarType.Float64), null, tensor(new double[] { 1, -1 }), tensor(new long[,] { { 1, 1, 1 }, { 1, 1, 0 } }));

    private static double Value(Tensor t) => t.to(ScalarType.Float64).item<double>();

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    [Fact]
    public void Cispo_weights_log_pi_by_the_capped_detached_ratio_and_keeps_every_tokens_gradient()
    {
        // ℓ = −min(r, ε_max)·A·log π with ε_max = 1.2; "dapo" over 5 tokens.
        var expected = (-(1.0 * Math.Log(1.0)) - 1.2 * Math.Log(1.3) - 0.7 * Math.Log(0.7) + 1.1 * Math.Log(1.1) + 0.5 * Math.Log(0.5)) / 5;
        var inputs = Batch(grad: true);
        var options = new GrpoLossOptions { Surrogate = PolicySurrogate.Cispo, EpsilonHigh = 1.2 };
        var result = GrpoLoss.Compute(inputs, options);
        Assert.Equal(expected, Value(result.Loss), 12);
        Assert.Equal(0.2, Value(result.HighClipFraction), 12);   // r = 1.3 > ε_max with A > 0
        result.Loss.backward();
        // ∂ℓ/∂log π = −min(r, ε_max)·A / 5: the capped token still moves (the difference from the clipped surrogate).
        double[] gradient = [-1.0 / 5, -1.2 / 5, -0.7 / 5, 1.1 / 5, 0.5 / 5, 0];
        var actual = inputs.LogProbs.grad!.data<double>().ToArray();
        for (var i = 0; i < 6; i++) Assert.Equal(gradient[i], actual[i], 12);
        Assert.Throws<ArgumentException>(() => GrpoLoss.Compute(Batch(), new GrpoLossOptions { Surrogate = PolicySurrogate.Cispo }));
    }

    [Fact]
    public void Sapo_replaces_the_clip_by_a_soft_gate_with_a_temperature_per_sign()
    {
        // ℓ = −(4/τ)σ(τ(r − 1))·A, τ_pos = 1, τ_neg = 1.05; "grpo" aggregation (TRL's for sapo).
        var row0 = -4 * (Sigmoid(0) + Sigmoid(0.3) + Sigmoid(-0.3)) / 3;
        var row1 = 4 / 1.05 * (Sigmoid(1.05 * 0.1) + Sigmoid(1.05 * -0.5)) / 2;
        var options = new GrpoLossOptions { Surrogate = PolicySurrogate.Sapo, Aggregation = LossAggregation.Grpo };
        Assert.Equal((row0 + row1) / 2, Value(GrpoLoss.Compute(Batch(), options).Loss), 12);

        // At r = 1 the gate's slope is (4/τ)·τ·σ'(0) = 1: the gradient is the plain policy gradient −A per token.
        var onPolicy = Batch(grad: true) with { OldLogProbs = null };
        GrpoLoss.Compute(onPolicy, options with { Aggregation = LossAggregation.Bnpo }).Loss.backward();
        double[] gradient = [-0.2, -0.2, -0.2, 0.2, 0.2, 0];
        var actual = onPolicy.LogProbs.grad!.data<double>().ToArray();
        for (var i = 0; i < 6; i++) Assert.Equal(gradient[i], actual[i], 12);
    }

    [Fact]
    public void Delta_caps_the_ratio_of_a_negative_advantage_from_above()
    {
        // One row, A = −1, ratios [2.0, 1.1]: −min(rA, clip(r)A) = [2.0, 1.1]; with δ = 1.5: [1.5, 1.1], and no gradient on the capped token.
        var logProbs = tensor(new double[,] { { Math.Log(2.0), Math.Log(1.1) } }).requires_grad_(true);
        var inputs = new GrpoLossInputs(logProbs, zeros(1, 2, ScalarType.Float64), null, tensor(new double[] { -1 }), ones(1, 2, ScalarType.Int64));
        Assert.Equal((2.0 + 1.1) / 2, Value(GrpoLoss.Compute(inputs, new GrpoLossOptions()).Loss), 12);
        var capped = GrpoLoss.Compute(inputs, new GrpoLossOptions { Delta = 1.5 }).Loss;
        Assert.Equal((1.5 + 1.1) / 2, Value(capped), 12);
        capped.backward();
        Assert.Equal([0.0, 1.1 / 2], logProbs.grad!.data<double>().ToArray());
        Assert.Throws<ArgumentException>(() => new GrpoLossOptions { Delta = 1.1 }.Validate());   // not above 1 + ε
    }

    [Fact]
    public void Luspo_weights_the_sequence_loss_by_its_length()
    {
        // GSPO ratios: row 0 s = 0.91^(1/3) (inside the clip), ℓ = −s; row 1 s = √0.55 < 0.8, ℓ = 0.8. Σ_i |y_i| ℓ_i / B.
        var s0 = Math.Pow(0.91, 1.0 / 3);
        var options = new GrpoLossOptions { ImportanceSampling = ImportanceSamplingLevel.Sequence, Aggregation = LossAggregation.Luspo };
        Assert.Equal((3 * -s0 + 2 * 0.8) / 2, Value(GrpoLoss.Compute(Batch(), options).Loss), 12);
        Assert.Throws<ArgumentException>(() => (options with { ImportanceSampling = ImportanceSamplingLevel.Token }).Validate());
    }

    [Fact]
    public void Top_entropy_quantile_keeps_only_the_high_entropy_tokens_in_the_policy_term()
    {
        // Scored entropies 0.1, 0.5, 0.9 | 0.3, 0.7 (the padding's 5.0 is ignored). ρ = 0.4: the 0.6-quantile at position
        // 0.6·4 = 2.4 of the sorted five is 0.5 + 0.4·0.2 = 0.58, so 0.9 (row 0, ℓ = −0.7) and 0.7 (row 1, ℓ = 0.8) stay;
        // "bnpo" still divides by all 5 scored tokens (TRL): (−0.7 + 0.8) / 5.
        var inputs = Batch() with { Entropies = tensor(new double[,] { { 0.1, 0.5, 0.9 }, { 0.3, 0.7, 5.0 } }) };
        var options = new GrpoLossOptions { Aggregation = LossAggregation.Bnpo, TopEntropyQuantile = 0.4 };
        Assert.Equal((-0.7 + 0.8) / 5, Value(GrpoLoss.Compute(inputs, options).Loss), 12);
        Assert.Equal(-0.7 / 5, Value(GrpoLoss.Compute(inputs, options with { TopEntropyQuantile = 0 }).Loss), 12);   // the maximum only
        Assert.Equal(-1.0 / 5, Value(GrpoLoss.Compute(inputs, options with { TopEntropyQuantile = 1 }).Loss), 12);   // all tokens
    }

    [Fact]
    public void Truncated_completions_are_those_at_the_budget_without_a_stop_token()
    {
        IReadOnlyList<IReadOnlyList<long>> completions = [[5, 6, 7], [5, 2], [5, 6, 2], [5, 6]];
        Assert.Equal([true, false, false, false], TruncatedCompletions.Find(completions, 3, new HashSet<long> { 2 }));
    }
}
