using TorchSharp;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Models;

/// <summary>GPT-2 multi-head causal self-attention: <c>c_attn</c> (d → 3d, fused q/k/v) and <c>c_proj</c> (d → d).</summary>
public sealed class Gpt2Attention : nn.Module
{
    [ComponentName(Name = "c_attn")] private readonly Conv1D _qkv;
    [ComponentName(Name = "c_proj")] private readonly Conv1D _output;
    private readonly int _heads;
    private readonly int _headDim;

    public Gpt2Attention(ModelConfig config) : base(nameof(Gpt2Attention))
    {
        _heads = config.NumHeads;
        _headDim = config.ResolvedHeadDim;
        _qkv = new Conv1D(config.HiddenSize, 3L * config.HiddenSize);
        _output = new Conv1D(config.HiddenSize, config.HiddenSize);
        RegisterComponents();
    }

    /// <summary>(B, T, d) → (B, T, d); appends this layer's keys/values to <paramref name="cache"/> when given.</summary>
    internal Tensor forward(Tensor hidden, AttentionInputs inputs, KvCache? cache, int layer)
    {
        var (batch, length, width) = (hidden.shape[0], hidden.shape[1], hidden.shape[2]);
        var qkv = _qkv.forward(hidden).split(width, dim: 2);                            // 3 × (B, T, d)
        var query = qkv[0].view(batch, length, _heads, _headDim).transpose(1, 2);       // (B, H, T, D)
        var key = qkv[1].view(batch, length, _heads, _headDim).transpose(1, 2);         // (B, H, T, D)
        var value = qkv[2].view(batch, length, _heads, _headDim).transpose(1, 2);       // (B, H, T, D)
        if (cache is not null) (key, value) = cache.Append(layer, key, value);          // (B, H, S, D)
        var attended = ScaledDotProductAttention.Attend(query, key, value, inputs, groups: 1);  // (B, H, T, D)
        return _output.forward(attended.transpose(1, 2).reshape(batch, length, width));  // (B, T, d)
    }
}
