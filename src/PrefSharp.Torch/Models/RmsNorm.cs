using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Models;

/// <summary>
/// RMSNorm (Zhang &amp; Sennrich 2019, "Root Mean Square Layer Normalization", Eq. 4):
/// y = g ⊙ x / √(mean(x²) + ε), without re-centring or bias. Computed in float32 and cast back, as Llama does.
/// </summary>
public sealed class RmsNorm : nn.Module<Tensor, Tensor>
{
    [ComponentName(Name = "weight")] private Parameter _weight;
    private readonly double _epsilon;

    public RmsNorm(long size, double epsilon) : base(nameof(RmsNorm))
    {
        _weight = new Parameter(ones(size));
        _epsilon = epsilon;
        RegisterComponents();
    }

    /// <summary>(..., d) → (..., d).</summary>
    public override Tensor forward(Tensor input)
    {
        var inputType = input.dtype;
        var x = inputType == ScalarType.Float32 ? input : input.to(ScalarType.Float32);
        var meanSquare = x.square().mean([-1], keepdim: true);              // (..., 1)
        var normalized = x * (meanSquare + _epsilon).rsqrt();               // (..., d)
        return _weight * (inputType == ScalarType.Float32 ? normalized : normalized.to(inputType));
    }
}
