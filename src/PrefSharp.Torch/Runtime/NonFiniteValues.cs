using static TorchSharp.torch;

namespace PrefSharp.Torch.Runtime;

/// <summary>How many NaN or infinite values a floating-point tensor holds, and the first of them.</summary>
public static class NonFiniteValues
{
    /// <summary>Null when <paramref name="tensor"/> is finite everywhere or not floating-point; else the count and the first bad value.</summary>
    public static (long Count, double First)? Find(Tensor tensor)
    {
        if (!tensor.is_floating_point()) return null;
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var bad = tensor.isfinite().logical_not();
        var count = bad.sum().item<long>();
        return count == 0 ? null : (count, tensor.masked_select(bad)[0].to(ScalarType.Float64).item<double>());
    }
}
