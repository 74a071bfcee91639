using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Models;

/// <summary>
/// Llama/Qwen2 self-attention with rotary positions and grouped-query attention (Ainslie et al. 2023):
/// <c>q_proj</c> (d → H·D), <c>k_proj</c>/<c>v_proj</c> (d → H_kv·D), <c>o_proj</c> (H·D → d).
/// q/k/v carry biases for Qwen2 and for Llama with <c>attention_bias</c> (which also adds one to o_proj).
/// </summary>
public sealed class LlamaAttention : nn.Module
{
    [ComponentName(Name = "q_proj")] private readonly Linear _query;
    [ComponentName(Name = "k_proj")] private readonly Linear _key;
    [ComponentName(Name = "v_proj")] private readonly Linear _value;
    [ComponentName(Name = "o_proj")] private readonly Linear _output;
    private readonly int _heads;
    private readonly int _keyValueHeads;
    private readonly int _headDim;

    public LlamaAttention(ModelConfig config) : base(nameof(LlamaAttention))
    {
        (_heads, _keyValueHeads, _headDim) = (config.NumHeads, config.NumKeyValueHeads, config.ResolvedHeadDim);
        var bias = config.HasQkvBias;
        var outputBias = config.Family == ModelFamily.Llama && config.AttentionBias;
        _query = nn.Linear(config.HiddenSize, (long)_heads * _headDim, bias);
        _key = nn.Linear(config.HiddenSize, (long)_keyValueHeads * _headDim, bias);
        _value = nn.Linear(config.HiddenSize, (long)_keyValueHeads * _headDim, bias);
        _output = nn.Linear((long)_heads * _headDim, config.HiddenSize, outputBias);
        RegisterComponents();
    }

    /// <summary>(B, T, d) → (B, T, d); cos and signed sin (B, 1, T, D) as in <see cref="RotaryEmbedding.ApplyFast"/>.</summary>
    internal Tensor forward(Tensor hidden, Tensor cos, Tensor signedSin, AttentionInputs inputs, KvCache? cache, int layer)
    {
        var (batch, length) = (hidden.shape[0], hidden.shape[1]);
        var query = _query.forward(hidden).view(batch, length, _heads, _headDim).transpose(1, 2);         // (B, H, T, D)
        var key = _key.forward(hidden).view(batch, length, _keyValueHeads, _headDim).transpose(1, 2);     // (B, Hkv, T, D)
        var value = _value.forward(hidden).view(batch, length, _keyValueHeads, _headDim).transpose(1, 2); // (B, Hkv, T, D)
        query = RotaryEmbedding.ApplyFast(query, cos, signedSin);
        key = RotaryEmbedding.ApplyFast(key, cos, signedSin);
        if (cache is not null) (key, value) = cache.Append(layer, key, value);                            // (B, Hkv, S, D)
        var attended = ScaledDotProductAttention.Attend(query, key, value, inputs, _heads / _keyValueHeads); // (B, H, T, D)
        return _output.forward(attended.transpose(1, 2).reshape(batch, length, (long)_heads * _headDim));  // (B, T, d)
    }
}
