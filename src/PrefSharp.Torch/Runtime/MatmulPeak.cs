using System.Diagnostics;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Runtime;

/// <summary>
/// The matrix-multiply throughput of this machine as libtorch sees it (fp32 unless asked for another type): the bound
/// that training benchmarks compare model FLOP/s against (DESIGN.md, "Performance habits").
/// </summary>
public static class MatmulPeak
{
    /// <summary>Times n×n @ n×n products in <paramref name="dtype"/> (2·n³ FLOPs each) for about <paramref name="seconds"/> after a warm-up; returns GFLOP/s.</summary>
    public static double MeasureGflops(int n = 2048, double seconds = 1.0, ScalarType dtype = ScalarType.Float32)
    {
        using var scope = NewDisposeScope();
        var a = randn(n, n).to(dtype);
        var b = randn(n, n).to(dtype);
        a.matmul(b).Dispose();
        var watch = Stopwatch.StartNew();
        var products = 0;
        while (watch.Elapsed.TotalSeconds < seconds || products < 2)
        {
            a.matmul(b).Dispose();
            products++;
        }
        return 2.0 * n * n * n * products / watch.Elapsed.TotalSeconds / 1e9;
    }
}
