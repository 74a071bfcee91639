using PrefSharp.Torch.Training.Grpo;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Grpo;

/// <summary>
/// Golden values of every aggregation at one hand-made batch. B = 2, T = 3, old log-probs 0 so r = exp(log π):
///   row 0, A = +1, ratios [1.0, 1.3, 0.7], mask [1, 1, 1]
///   row 1, A = −1, ratios [1.1, 0.5, (pad)], mask [1, 1, 0]
/// ε = 0.2: ℓ = −min(rA, clip(r, 0.8, 1.2)A):
///   row 0: −min(1.0, 1.0) = −1.0; −min(1.3, 1.2) = −1.2 (high clip); −min(0.7, 0.8) = −0.7   → Σ −2.9 over 3 tokens
///   row 1: −min(−1.1, −1.1) = 1.1; −min(−0.5, −0.8) = 0.8 (low clip)                         → Σ  1.9 over 2 tokens
/// </summary>
public class GrpoLossTests
{
    private static GrpoLossInputs Batch(Tensor? reference = null, bool grad = false)
    {
        var logProbs = tensor(new double[,] { { Math.Log(1.0), Math.Log(1.3), Math.Log(0.7) }, { Math.Log(1.1), Math.Log(0.5), -3.0 } })
            .requires_grad_(grad);
        return new GrpoLossInputs(logProbs, zeros(2, 3, ScalarType.Float64), reference, tensor(new double[] { 1, -1 }),
            tensor(new long[,] { { 1, 1, 1 }, { 1, 1, 0 } }));
    }

    private static double Value(Tensor t) => t.to(ScalarType.Float64).item<double>();

    [Theory]
    [InlineData(LossAggregation.Grpo, 0, (-2.9 / 3 + 1.9 / 2) / 2)]   // mean per sequence, then over B = 2: −0.008333…
    [InlineData(LossAggregation.Bnpo, 0, (-2.9 + 1.9) / 5)]           // 5 scored tokens: −0.2
    [InlineData(LossAggregation.Dapo, 0, (-2.9 + 1.9) / 5)]           // same within one batch: −0.2
    [InlineData(LossAggregation.DrGrpo, 0, (-2.9 + 1.9) / (2 * 3))]   // B·T = 6: −0.1666…
    [InlineData(LossAggregation.DrGrpo, 4, (-2.9 + 1.9) / (2 * 4))]   // B·L_max = 8: −0.125
    public void Every_aggregation_matches_the_hand_computed_value(LossAggregation aggregation, int maxLength, double expected)
    {
        var options = new GrpoLossOptions { Aggregation = aggregation, MaxCompletionLength = maxLength };
        var result = GrpoLoss.Compute(Batch(), options);
        Assert.Equal(expected, Value(result.Loss), 10);
        Assert.Equal(0.4, Value(result.ClipFraction), 10);      // 2 of 5 tokens clipped
        Assert.Equal(0.2, Value(result.LowClipFraction), 10);   // row 1, r = 0.5
        Assert.Equal(0.2, Value(result.HighClipFraction), 10);  // row 0, r = 1.3
        Assert.Equal(0.0, Value(result.MeanKl), 10);            // no reference given
    }

    [Fact]
    public void Dapo_divides_by_the_global_token_count_and_sum_over_weight_is_the_loss()
    {
        var inputs = Batch();
        var options = new GrpoLossOptions();  // TRL default: dapo
        Assert.Equal(-0.1, Value(GrpoLoss.Compute(inputs, options, globalTokenCount: 10).Loss), 10);  // −1.0 / 10
        Assert.Equal(-1.0, Value(GrpoLoss.Sum(inputs, options)), 10);
        Assert.Equal(5.0, GrpoLoss.Weight(inputs.Mask, options));
        Assert.Equal(2.0, GrpoLoss.Weight(inputs.Mask, options with { Aggregation = LossAggregation.Grpo }));
        // grpo sum is Σ_i of per-sequence means: −2.9/3 + 1.9/2 = −0.0166…
        Assert.Equal(-2.9 / 3 + 1.9 / 2, Value(GrpoLoss.Sum(inputs, options with { Aggregation = LossAggregation.Grpo })), 10);
    }

    [Fact]
    public void Clip_higher_lets_a_positive_advantage_push_further()
    {
        // ε_high = 0.28 (DAPO): row 0 token 2 gives −min(1.3, 1.28) = −1.28 → Σ −2.98; (−2.98 + 1.9)/5 = −0.216.
        var result = GrpoLoss.Compute(Batch(), new GrpoLossOptions { EpsilonHigh = 0.28 });
        Assert.Equal(-0.216, Value(result.Loss), 10);
        Assert.Equal(0.2, Value(result.HighClipFraction), 10);   // 1.3 > 1.28 still clipped
        var wide = GrpoLoss.Compute(Batch(), new GrpoLossOptions { EpsilonHigh = 0.35 });
        Assert.Equal((-3.0 + 1.9) / 5, Value(wide.Loss), 10);    // 1.3 inside [0.8, 1.35]: −(1 + 1.3 + 0.7)
        Assert.Equal(0.0, Value(wide.HighClipFraction), 10);
    }

    [Fact]
    public void Gspo_uses_one_length_normalised_ratio_per_sequence()
    {
        // row 0: s = (1.0·1.3·0.7)^(1/3) = 0.91^(1/3) = 0.9690521… inside [0.8, 1.2], A = 1 → ℓ = −0.9690521 on 3 tokens.
        // row 1: s = (1.1·0.5)^(1/2) = √0.55 = 0.7416198…, A = −1 → −min(−0.7416, −0.8) = 0.8 on 2 tokens (low clip).
        var s0 = Math.Pow(0.91, 1.0 / 3);
        var options = new GrpoLossOptions { ImportanceSampling = ImportanceSamplingLevel.Sequence, Aggregation = LossAggregation.Grpo };
        var result = GrpoLoss.Compute(Batch(), options);
        Assert.Equal((-s0 + 0.8) / 2, Value(result.Loss), 10);
        Assert.Equal(0.4, Value(result.LowClipFraction), 10);    // both tokens of row 1
        var dapo = GrpoLoss.Compute(Batch(), options with { Aggregation = LossAggregation.Dapo });
        Assert.Equal((-3 * s0 + 2 * 0.8) / 5, Value(dapo.Loss), 10);
    }

    [Fact]
    public void K3_penalty_is_added_per_token_with_beta()
    {
        // Reference log-prob ln 2 above the policy at row 0 token 0, equal elsewhere: k3 = 2 − ln 2 − 1 = 0.3068528…
        var reference = tensor(new double[,] { { Math.Log(2.0), Math.Log(1.3), Math.Log(0.7) }, { Math.Log(1.1), Math.Log(0.5), -3.0 } });
        var k3 = 1 - Math.Log(2);
        var result = GrpoLoss.Compute(Batch(reference), new GrpoLossOptions { Beta = 0.1, Aggregation = LossAggregation.Bnpo });
        Assert.Equal((-1.0 + 0.1 * k3) / 5, Value(result.Loss), 10);
        Assert.Equal(k3 / 5, Value(result.MeanKl), 10);
        Assert.Throws<ArgumentException>(() => GrpoLoss.Compute(Batch(), new GrpoLossOptions { Beta = 0.1 }));
    }

    [Fact]
    public void Entropy_bonus_lowers_the_loss_by_c_times_mean_entropy()
    {
        var inputs = Batch() with { Entropies = full(2, 3, 2.0, ScalarType.Float64) };
        var result = GrpoLoss.Compute(inputs, new GrpoLossOptions { EntropyCoefficient = 0.01 });
        Assert.Equal((-1.0 - 0.01 * 2.0 * 5) / 5, Value(result.Loss), 10);   // each of 5 tokens −0.02
    }

    [Fact]
    public void Gradient_is_minus_advantage_times_ratio_on_unclipped_tokens_and_zero_on_clipped_ones()
    {
        // bnpo, β = 0.1 with the k3 reference above. ∂ℓ/∂log π = −A·r where unclipped, 0 where clipped,
        // plus β·∂k3/∂log π = β·(1 − e^d) = 0.1·(1 − 2) = −0.1 at row 0 token 0. Divided by 5 tokens:
        //   row 0: (−1 − 0.1)/5 = −0.22, 0 (clipped), −0.7/5 = −0.14;  row 1: 1.1/5 = 0.22, 0 (clipped), 0 (padding).
        var reference = tensor(new double[,] { { Math.Log(2.0), Math.Log(1.3), Math.Log(0.7) }, { Math.Log(1.1), Math.Log(0.5), -3.0 } });
        var inputs = Batch(reference, grad: true);
        GrpoLoss.Compute(inputs, new GrpoLossOptions { Beta = 0.1, Aggregation = LossAggregation.Bnpo }).Loss.backward();
        var gradient = inputs.LogProbs.grad!.data<double>().ToArray();
        double[] expected = [-0.22, 0, -0.14, 0.22, 0, 0];
        for (var i = 0; i < 6; i++) Assert.Equal(expected[i], gradient[i], 10);
    }

    [Fact]
    public void Without_old_log_probs_the_ratio_is_one_and_nothing_is_clipped()
    {
        var inputs = Batch() with { OldLogProbs = null };
        var result = GrpoLoss.Compute(inputs, new GrpoLossOptions { Aggregation = LossAggregation.Bnpo });
        Assert.Equal((-3.0 + 2.0) / 5, Value(result.Loss), 10);   // −A per token: 3 tokens of −1, 2 of +1
        Assert.Equal(0.0, Value(result.ClipFraction), 10);
    }

    [Fact]
    public void Bad_options_name_the_option()
    {
        var error = Assert.Throws<ArgumentException>(() => GrpoLoss.Compute(Batch(), new GrpoLossOptions { EpsilonLow = 1.5 }));
        Assert.Equal("EpsilonLow", error.ParamName);
        Assert.Throws<ArgumentException>(() => GrpoLoss.Compute(Batch() with { Advantages = tensor(new double[] { 1, 2, 3 }) }));
    }
}
