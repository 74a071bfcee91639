using TorchSharp;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Models;

/// <summary>One pre-norm Llama/Qwen2 layer: x + self_attn(input_layernorm(x)), then + mlp(post_attention_layernorm(·)).</summary>
public sealed class LlamaDecoderLayer : nn.Module
{
    [ComponentName(Name = "self_attn")] private readonly LlamaAttention _attention;
    [ComponentName(Name = "mlp")] private readonly LlamaMlp _mlp;
    [ComponentName(Name = "input_layernorm")] private readonly RmsNorm _attentionNorm;
    [ComponentName(Name = "post_attention_layernorm")] private readonly RmsNorm _mlpNorm;

    public LlamaDecoderLayer(ModelConfig config) : base(nameof(LlamaDecoderLayer))
    {
        _attention = new LlamaAttention(config);
        _mlp = new LlamaMlp(config);
        _attentionNorm = new RmsNorm(config.HiddenSize, config.NormEpsilon);
        _mlpNorm = new RmsNorm(config.HiddenSize, config.NormEpsilon);
        RegisterComponents();
    }

    /// <summary>(B, T, d) → (B, T, d).</summary>
    internal Tensor forward(Tensor hidden, Tensor cos, Tensor signedSin, AttentionInputs inputs, KvCache? cache, int layer)
    {
        hidden = hidden + _attention.forward(_attentionNorm.forward(hidden), cos, signedSin, inputs, cache, layer);
        return hidden + _mlp.forward(_mlpNorm.forward(hidden));
    }
}
