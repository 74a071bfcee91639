using PrefSharp.Torch.Checkpoints;
using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Models;

/// <summary>The Llama/Qwen2 body, named <c>model</c>: <c>embed_tokens</c>, <c>layers.{i}</c>, <c>norm</c>.</summary>
public sealed class LlamaModel : nn.Module
{
    [ComponentName(Name = "embed_tokens")] private readonly Embedding _tokenEmbedding;
    [ComponentName(Name = "layers")] private readonly ModuleList<LlamaDecoderLayer> _layers;
    [ComponentName(Name = "norm")] private readonly RmsNorm _finalNorm;
    private readonly int _headDim;
    private readonly double _ropeTheta;

    public LlamaModel(ModelConfig config) : base(nameof(LlamaModel))
    {
        _tokenEmbedding = nn.Embedding(config.VocabSize, config.HiddenSize);
        _layers = nn.ModuleList(Enumerable.Range(0, config.NumLayers).Select(_ => new LlamaDecoderLayer(config)).ToArray());
        _finalNorm = new RmsNorm(config.HiddenSize, config.NormEpsilon);
        (_headDim, _ropeTheta) = (config.ResolvedHeadDim, config.RopeTheta);
        RegisterComponents();
    }

    /// <summary>The token embedding [V, d], also the output projection when tied.</summary>
    public Tensor TokenEmbeddingWeight => _tokenEmbedding.weight!;

    /// <summary>(B, T) → (B, T, d).</summary>
    internal Tensor forward(Tensor inputIds, AttentionInputs inputs, KvCache? cache)
    {
        var hidden = _tokenEmbedding.forward(inputIds);                                                     // (B, T, d)
        var (cos, sin) = RotaryEmbedding.CosSin(inputs.PositionIds, _headDim, _ropeTheta, hidden.dtype);   // (B, 1, T, D)
        for (var layer = 0; layer < _layers.Count; layer++)
            hidden = _layers[layer].forward(hidden, cos, sin, inputs, cache, layer);
        return _finalNorm.forward(hidden);                                                                  // (B, T, d)
    }
}
