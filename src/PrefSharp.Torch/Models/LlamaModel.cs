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
    private readonly RotaryTable _rotary;

    public LlamaModel(ModelConfig config) : base(nameof(LlamaModel))
    {
        _tokenEmbedding = nn.Embedding(config.VocabSize, config.HiddenSize);
        _layers = nn.ModuleList(Enumerable.Range(0, config.NumLayers).Select(_ => new LlamaDecoderLayer(config)).ToArray());
        _finalNorm = new RmsNorm(config.HiddenSize, config.NormEpsilon);
        _rotary = new RotaryTable(config.ResolvedHeadDim, config.RopeTheta, Math.Min(config.MaxPositions, 8192));
        RegisterComponents();
    }

    /// <summary>The token embedding [V, d], also the output projection when tied.</summary>
    public Tensor TokenEmbeddingWeight => _tokenEmbedding.weight!;

    /// <summary>(B, T) → (B, T, d); <paramref name="positionBound"/> exceeds every position id (cached + new tokens).</summary>
    internal Tensor forward(Tensor inputIds, AttentionInputs inputs, KvCache? cache, long positionBound)
    {
        var hidden = _tokenEmbedding.forward(inputIds);                                              // (B, T, d)
        var (cos, signedSin) = _rotary.Lookup(inputs.PositionIds, positionBound, hidden.dtype);     // (B, 1, T, D)
        for (var layer = 0; layer < _layers.Count; layer++)
            hidden = _layers[layer].forward(hidden, cos, signedSin, inputs, cache, layer);
        return _finalNorm.forward(hidden);                                                           // (B, T, d)
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _rotary.Dispose();
        base.Dispose(disposing);
    }
}
