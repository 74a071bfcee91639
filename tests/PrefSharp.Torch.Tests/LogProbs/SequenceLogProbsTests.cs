using PrefSharp.Torch.LogProbs;
using PrefSharp.Torch.Tests.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.LogProbs;

/// <summary>Chunked log-probs against a plain-double reference, padding invariance, gradient and tensor lifetime.</summary>
public sealed class SequenceLogProbsTests
{
    private const int B = 3, T = 5, V = 7;

    private static double[,,] RandomLogits(int seed)
    {
        var random = new Random(seed);
        var values = new double[B, T, V];
        for (var b = 0; b < B; b++)
            for (var t = 0; t < T; t++)
                for (var v = 0; v < V; v++) values[b, t, v] = 4 * random.NextDouble() - 2;
        return values;
    }

    /// <summary>log p = z_y − log Σ exp z, summed over unmasked positions, in plain doubles.</summary>
    private static (double[,] PerToken, double[] Sums) Reference(double[,,] logits, long[,] labels, long[,] mask)
    {
        var perToken = new double[B, T];
        var sums = new double[B];
        for (var b = 0; b < B; b++)
            for (var t = 0; t < T; t++)
            {
                if (mask[b, t] == 0) continue;
                var normaliser = 0.0;
                for (var v = 0; v < V; v++) normaliser += Math.Exp(logits[b, t, v]);
                perToken[b, t] = logits[b, t, labels[b, t]] - Math.Log(normaliser);
                sums[b] += perToken[b, t];
            }
        return (perToken, sums);
    }

    private static readonly long[,] Labels = { { 0, 6, 3, 2, 1 }, { 5, 5, 4, -100, -100 }, { -100, 1, 2, 3, 4 } };
    private static readonly long[,] Mask = { { 1, 1, 1, 1, 1 }, { 1, 1, 1, 0, 0 }, { 0, 1, 1, 1, 1 } };

    [Theory]
    [InlineData(SequenceLogProbs.DefaultChunkElements)]  // one chunk
    [InlineData(2 * B * V)]                              // chunks of 2, 2, 1 positions
    [InlineData(1)]                                      // one position per chunk
    public void Matches_the_double_reference_for_any_chunk_size(long chunkElements)
    {
        var logits = RandomLogits(5);
        var (expectedTokens, expectedSums) = Reference(logits, Labels, Mask);
        using var scope = NewDisposeScope();
        var result = SequenceLogProbs.Compute(tensor(logits).to(ScalarType.Float32), tensor(Labels), tensor(Mask), chunkElements);
        var perToken = result.PerToken.to(ScalarType.Float64).data<double>().ToArray();
        var sums = result.PerSequence.to(ScalarType.Float64).data<double>().ToArray();
        // float32 logits in [−2, 2] (one rounding), a log-softmax over V (max, V exps, their sum, a log, a difference) on
        // terms ≤ 2 + log V, and the sum over T. A label shifted by one position moves a log-prob by units.
        var tokenTolerance = FloatTolerance.Of(ScalarType.Float32, 2 * V + 4, 2 + Math.Log(V));
        var sumTolerance = FloatTolerance.Of(ScalarType.Float32, 2 * V + 4 + T, T * (2 + Math.Log(V)));
        for (var b = 0; b < B; b++)
        {
            Assert.True(Math.Abs(expectedSums[b] - sums[b]) <= sumTolerance, $"row {b}: expected {expectedSums[b]}, found {sums[b]}");
            for (var t = 0; t < T; t++)
                Assert.True(Math.Abs(expectedTokens[b, t] - perToken[b * T + t]) <= tokenTolerance, $"({b}, {t}): expected {expectedTokens[b, t]}, found {perToken[b * T + t]}");
        }
        Assert.Equal(0.0, perToken[1 * T + 3]);  // masked positions are exactly 0
        Assert.Equal(0.0, perToken[2 * T + 0]);
    }

    [Fact]
    public void Extra_padding_with_wild_logits_never_changes_the_result()
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        var logits = randn(B, T, V);
        var baseline = SequenceLogProbs.Compute(logits, tensor(Labels), tensor(Mask), ChunkOf(2));
        // Pad 4 positions on the left and 3 on the right with huge random logits and arbitrary labels, all masked.
        var padded = cat([randn(B, 4, V) * 1e4, logits, randn(B, 3, V) * 1e4], dim: 1);
        var labels = cat([randint(0, V, [B, 4]), tensor(Labels), full(B, 3, 12345L)], dim: 1);
        var mask = cat([zeros(B, 4, ScalarType.Int64), tensor(Mask), zeros(B, 3, ScalarType.Int64)], dim: 1);
        var result = SequenceLogProbs.Compute(padded, labels, mask, ChunkOf(3));
        TensorAssert.Close(baseline.PerSequence, result.PerSequence, 1e-6, "per-sequence sums");
        TensorAssert.Close(baseline.PerToken, result.PerToken.narrow(1, 4, T), 1e-6, "per-token values");
        Assert.Equal(0.0f, result.PerToken.narrow(1, 0, 4).abs().sum().item<float>());
    }

    [Fact]
    public void Gradient_is_onehot_minus_softmax_at_real_positions_and_zero_at_padding()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        var logits = randn(B, T, V).requires_grad_();
        SequenceLogProbs.Compute(logits, tensor(Labels), tensor(Mask), ChunkOf(2)).PerSequence.sum().backward();
        var safeLabels = tensor(Labels).clamp_min(0);
        var expected = (nn.functional.one_hot(safeLabels, V).to(ScalarType.Float32) - logits.detach().softmax(-1))
            * tensor(Mask).unsqueeze(-1).to(ScalarType.Float32);
        TensorAssert.Close(expected, logits.grad!, 1e-6, "gradient");
    }

    [Fact]
    public void Leaves_no_live_tensors_behind()
    {
        using var logits = randn(B, T, V);
        using var labels = tensor(Labels);
        using var mask = tensor(Mask);
        var before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        for (var i = 0; i < 3; i++)
        {
            using var scope = NewDisposeScope();
            SequenceLogProbs.Compute(logits, labels, mask, ChunkOf(2));
        }
        Assert.Equal(before, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    private static long ChunkOf(int positions) => positions * B * V;
}
