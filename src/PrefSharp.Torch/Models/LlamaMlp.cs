using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Models;

/// <summary>
/// SwiGLU feed-forward (Shazeer 2020, "GLU Variants Improve Transformer", Eq. 6 with β = 1, no biases):
/// down_proj(SiLU(gate_proj(x)) ⊙ up_proj(x)).
/// </summary>
public sealed class LlamaMlp : nn.Module<Tensor, Tensor>
{
    [ComponentName(Name = "gate_proj")] private readonly Linear _gate;
    [ComponentName(Name = "up_proj")] private readonly Linear _up;
    [ComponentName(Name = "down_proj")] private readonly Linear _down;

    public LlamaMlp(ModelConfig config) : base(nameof(LlamaMlp))
    {
        _gate = nn.Linear(config.HiddenSize, config.IntermediateSize, hasBias: false);
        _up = nn.Linear(config.HiddenSize, config.IntermediateSize, hasBias: false);
        _down = nn.Linear(config.IntermediateSize, config.HiddenSize, hasBias: false);
        RegisterComponents();
    }

    /// <summary>(B, T, d) → (B, T, d).</summary>
    public override Tensor forward(Tensor hidden) =>
        _down.forward(nn.functional.silu(_gate.forward(hidden)) * _up.forward(hidden));
}
