using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Ppo;

/// <summary>
/// How much of the returns' variance the value predictions explain, 1 − Var(R − V) / Var(R) over the masked entries
/// (population variances): 1 for a perfect critic, 0 for a constant one, negative for one worse than a constant.
/// NaN when the returns do not vary.
/// </summary>
public static class ExplainedVariance
{
    public static double Compute(Tensor returns, Tensor values, Tensor mask)
    {
        using var scope = NewDisposeScope();
        var selected = mask.to(ScalarType.Bool);
        var r = returns.masked_select(selected).to(ScalarType.Float64);
        var residual = r - values.masked_select(selected).to(ScalarType.Float64);
        if (r.shape[0] == 0) return double.NaN;
        var variance = (r - r.mean()).square().mean().item<double>();
        var residualVariance = (residual - residual.mean()).square().mean().item<double>();
        return variance > 0 ? 1 - residualVariance / variance : double.NaN;
    }
}
