using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Models;

/// <summary>GPT-2 feed-forward: <c>c_fc</c> (d → n_inner), GELU, <c>c_proj</c> (n_inner → d).</summary>
public sealed class Gpt2Mlp : nn.Module<Tensor, Tensor>
{
    [ComponentName(Name = "c_fc")] private readonly Conv1D _up;
    [ComponentName(Name = "c_proj")] private readonly Conv1D _down;
    private readonly bool _tanhApproximation;

    public Gpt2Mlp(ModelConfig config) : base(nameof(Gpt2Mlp))
    {
        _up = new Conv1D(config.HiddenSize, config.IntermediateSize);
        _down = new Conv1D(config.IntermediateSize, config.HiddenSize);
        // gelu_new and gelu_pytorch_tanh are the tanh approximation (Hendrycks & Gimpel 2016, Sec. 2); gelu is exact.
        _tanhApproximation = config.Activation != "gelu";
        RegisterComponents();
    }

    /// <summary>(B, T, d) → (B, T, d).</summary>
    public override Tensor forward(Tensor hidden)
    {
        var up = _up.forward(hidden);                                                     // (B, T, n_inner)
        var activated = _tanhApproximation
            ? nn.functional.gelu(up, GELU.Approximate.tanh)
            : nn.functional.gelu(up);
        return _down.forward(activated);                                                  // (B, T, d)
    }
}
