using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Models;

/// <summary>One pre-norm GPT-2 block: x + attn(ln_1(x)), then + mlp(ln_2(·)).</summary>
public sealed class Gpt2Block : nn.Module
{
    [ComponentName(Name = "ln_1")] private readonly LayerNorm _attentionNorm;
    [ComponentName(Name = "attn")] private readonly Gpt2Attention _attention;
    [ComponentName(Name = "ln_2")] private readonly LayerNorm _mlpNorm;
    [ComponentName(Name = "mlp")] private readonly Gpt2Mlp _mlp;

    public Gpt2Block(ModelConfig config) : base(nameof(Gpt2Block))
    {
        _attentionNorm = nn.LayerNorm(config.HiddenSize, config.NormEpsilon);
        _attention = new Gpt2Attention(config);
        _mlpNorm = nn.LayerNorm(config.HiddenSize, config.NormEpsilon);
        _mlp = new Gpt2Mlp(config);
        RegisterComponents();
    }

    /// <summary>(B, T, d) → (B, T, d).</summary>
    internal Tensor forward(Tensor hidden, AttentionInputs inputs, KvCache? cache, int layer)
    {
        hidden = hidden + _attention.forward(_attentionNorm.forward(hidden), inputs, cache, layer);
        return hidden + _mlp.forward(_mlpNorm.forward(hidden));
    }
}
