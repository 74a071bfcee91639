using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Models;

/// <summary>Assertions on tensors with messages that say what differs.</summary>
internal static class TensorAssert
{
    /// <summary>Same dtype, same shape and the same bytes.</summary>
    public static void BitIdentical(Tensor expected, Tensor actual, string what)
    {
        Assert.True(expected.dtype == actual.dtype, $"{what}: dtype {expected.dtype} vs {actual.dtype}");
        Assert.True(expected.shape.SequenceEqual(actual.shape), $"{what}: shape [{string.Join(", ", expected.shape)}] vs [{string.Join(", ", actual.shape)}]");
        using var left = expected.contiguous();
        using var right = actual.contiguous();
        Assert.True(left.bytes.SequenceEqual(right.bytes), $"{what}: the bytes differ");
    }

    /// <summary>Same shape and max |difference| below <paramref name="tolerance"/>.</summary>
    public static void Close(Tensor expected, Tensor actual, double tolerance, string what = "tensor")
    {
        Assert.True(expected.shape.SequenceEqual(actual.shape), $"{what}: shape [{string.Join(", ", expected.shape)}] vs [{string.Join(", ", actual.shape)}]");
        using var difference = expected.to(ScalarType.Float64).sub(actual.to(ScalarType.Float64)).abs().max();
        var max = difference.item<double>();
        Assert.True(max < tolerance, $"{what}: max |difference| {max} ≥ {tolerance}");
    }
}
