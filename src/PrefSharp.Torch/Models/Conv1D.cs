using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Models;

/// <summary>
/// GPT-2's "Conv1D": a linear layer whose weight is stored transposed, [in, out], with y = x·W + b.
/// Kept as is so that GPT-2 checkpoints load without transposing.
/// </summary>
public sealed class Conv1D : nn.Module<Tensor, Tensor>
{
    [ComponentName(Name = "weight")] private Parameter _weight;
    [ComponentName(Name = "bias")] private Parameter _bias;

    public Conv1D(long inFeatures, long outFeatures) : base(nameof(Conv1D))
    {
        _weight = new Parameter(empty(inFeatures, outFeatures));
        _bias = new Parameter(zeros(outFeatures));
        RegisterComponents();
    }

    /// <summary>The [in, out] weight.</summary>
    public Parameter Weight => _weight;

    /// <summary>(..., in) → (..., out).</summary>
    public override Tensor forward(Tensor input)
    {
        var inFeatures = _weight.shape[0];
        var flat = input.reshape(-1, inFeatures);                           // (N, in)
        var output = _bias.addmm(flat, _weight);                          // (N, out)
        return output.view([.. input.shape[..^1], _weight.shape[1]]);       // (..., out)
    }
}
