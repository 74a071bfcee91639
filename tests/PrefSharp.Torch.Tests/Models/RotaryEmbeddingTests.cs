using PrefSharp.Torch.Models;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Models;

/// <summary>RoPE against a plain-double rotation of coordinate pairs (i, i + D/2), and its relative-position property.</summary>
public sealed class RotaryEmbeddingTests
{
    private const int HeadDim = 8;
    private const double Theta = 10000.0;

    /// <summary>Rotates each pair (x_i, x_{i+D/2}) by the angle p·θ^(−2i/D), written out in doubles.</summary>
    private static double[] RotateReference(double[] x, long position)
    {
        var half = x.Length / 2;
        var result = new double[x.Length];
        for (var i = 0; i < half; i++)
        {
            var angle = position * Math.Pow(Theta, -2.0 * i / x.Length);
            result[i] = x[i] * Math.Cos(angle) - x[i + half] * Math.Sin(angle);
            result[i + half] = x[i] * Math.Sin(angle) + x[i + half] * Math.Cos(angle);
        }
        return result;
    }

    [Fact]
    public void Rotation_matches_the_double_reference_at_several_positions()
    {
        using var scope = NewDisposeScope();
        long[] positions = [0, 1, 7, 100, 1000];
        var random = new Random(3);
        var rows = positions.Select(_ => Enumerable.Range(0, HeadDim).Select(_ => random.NextDouble() * 2 - 1).ToArray()).ToArray();
        var x = tensor(rows.SelectMany(r => r.Select(v => (float)v)).ToArray()).reshape(1, 1, positions.Length, HeadDim);  // (B, H, T, D)
        var (cos, sin) = RotaryEmbedding.CosSin(tensor(positions).unsqueeze(0), HeadDim, Theta, ScalarType.Float32);
        var rotated = RotaryEmbedding.Apply(x, cos, sin).to(ScalarType.Float64).data<double>().ToArray();
        for (var t = 0; t < positions.Length; t++)
        {
            var expected = RotateReference(rows[t], positions[t]);
            // float32 angle p·θ^(−2i/D): the exponent's rounding grows by ln θ in the power, then the power and the product,
            // ≤ 4 + ln θ roundings on a term ≤ p; it feeds cos and sin with slope ≤ 1,
            // and each output is x_a·cos ∓ x_b·sin of |x| ≤ 1: twice the angle's error, plus 4 roundings of the rotation.
            // A rotation by the wrong pair of coordinates or frequency misses by order 1.
            var angleRoundings = 4 + (long)Math.Ceiling(Math.Log(Theta));
            var tolerance = 2 * FloatTolerance.Of(ScalarType.Float32, angleRoundings, positions[t]) + FloatTolerance.Of(ScalarType.Float32, 4, 2);
            for (var i = 0; i < HeadDim; i++)
                Assert.True(Math.Abs(expected[i] - rotated[t * HeadDim + i]) <= tolerance,
                    $"position {positions[t]}, coordinate {i}: expected {expected[i]}, found {rotated[t * HeadDim + i]}");
        }
    }

    [Fact]
    public void Dot_products_depend_only_on_the_relative_position()
    {
        using var scope = NewDisposeScope();
        manual_seed(11);
        var q = randn(1, 1, 1, HeadDim).expand(1, 1, 4, HeadDim);
        var k = randn(1, 1, 1, HeadDim).expand(1, 1, 4, HeadDim);
        // Pairs (m, n) = (3, 1), (12, 10), (52, 50), (102, 100): all m − n = 2.
        var (cosQ, sinQ) = RotaryEmbedding.CosSin(tensor(new long[] { 3, 12, 52, 102 }).unsqueeze(0), HeadDim, Theta, ScalarType.Float32);
        var (cosK, sinK) = RotaryEmbedding.CosSin(tensor(new long[] { 1, 10, 50, 100 }).unsqueeze(0), HeadDim, Theta, ScalarType.Float32);
        var dots = (RotaryEmbedding.Apply(q, cosQ, sinQ) * RotaryEmbedding.Apply(k, cosK, sinK)).sum(-1).flatten();
        var spread = (dots.max() - dots.min()).item<float>();
        Assert.True(spread < 1e-4, $"q·k varies by {spread} across equal offsets");
    }

    [Fact]
    public void The_fast_form_and_the_table_equal_rotate_half()
    {
        using var scope = NewDisposeScope();
        manual_seed(12);
        var x = randn(2, 3, 5, HeadDim);                                       // (B, H, T, D)
        var positions = tensor(new long[,] { { 0, 1, 2, 3, 4 }, { 1, 1, 7, 8, 300 } });
        var (cos, sin) = RotaryEmbedding.CosSin(positions, HeadDim, Theta, ScalarType.Float32);
        var expected = RotaryEmbedding.Apply(x, cos, sin);
        TensorAssert.Close(expected, RotaryEmbedding.ApplyFast(x, cos, RotaryEmbedding.SignedSin(sin)), 1e-6, "fast form");
        using var table = new RotaryTable(HeadDim, Theta);
        var (tableCos, tableSignedSin) = table.Lookup(positions, positionBound: 301, ScalarType.Float32);
        TensorAssert.BitIdentical(cos, tableCos, "table cos");
        TensorAssert.Close(expected, RotaryEmbedding.ApplyFast(x, tableCos, tableSignedSin), 1e-6, "table rotation");
    }
}
