using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Optimization;

/// <summary>Clipping by the global L2 norm of all gradients (Pascanu, Mikolov &amp; Bengio 2013, Algorithm 1).</summary>
public static class GradientClipping
{
    /// <summary>
    /// ‖g‖ = √(Σ over parameters of ‖g_p‖²); when <paramref name="maxNorm"/> &gt; 0 every gradient is multiplied by
    /// min(1, maxNorm / (‖g‖ + 1e-6)) (the 1e-6 as in PyTorch's <c>clip_grad_norm_</c>). Returns ‖g‖ before clipping.
    /// Parameters without a gradient are skipped; with none at all the norm is 0.
    /// </summary>
    public static double ClipGlobalNorm(IEnumerable<Parameter> parameters, double maxNorm) =>
        ClipGradients(parameters.Select(p => p.grad).OfType<Tensor>().ToList(), maxNorm);

    /// <summary>As <see cref="ClipGlobalNorm"/>, on the gradient tensors themselves (an optimiser's float32 master gradients).</summary>
    public static double ClipGradients(IReadOnlyList<Tensor> grads, double maxNorm)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        if (grads.Count == 0) return 0;
        var total = stack(grads.Select(g => g.norm().to(ScalarType.Float64)).ToArray()).norm();   // scalar, float64
        if (maxNorm > 0)
        {
            var coefficient = (maxNorm / (total + 1e-6)).clamp_max(1.0);
            foreach (var grad in grads) grad.mul_(coefficient.to(grad.dtype));
        }
        return total.item<double>();
    }
}
