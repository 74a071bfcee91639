using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Models;

/// <summary>GPT-2's body, named <c>transformer</c>: <c>wte</c>, <c>wpe</c>, blocks <c>h.{i}</c> and <c>ln_f</c>.</summary>
public sealed class Gpt2Transformer : nn.Module
{
    [ComponentName(Name = "wte")] private readonly Embedding _tokenEmbedding;
    [ComponentName(Name = "wpe")] private readonly Embedding _positionEmbedding;
    [ComponentName(Name = "h")] private readonly ModuleList<Gpt2Block> _blocks;
    [ComponentName(Name = "ln_f")] private readonly LayerNorm _finalNorm;

    public Gpt2Transformer(ModelConfig config) : base(nameof(Gpt2Transformer))
    {
        _tokenEmbedding = nn.Embedding(config.VocabSize, config.HiddenSize);
        _positionEmbedding = nn.Embedding(config.MaxPositions, config.HiddenSize);
        _blocks = nn.ModuleList(Enumerable.Range(0, config.NumLayers).Select(_ => new Gpt2Block(config)).ToArray());
        _finalNorm = nn.LayerNorm(config.HiddenSize, config.NormEpsilon);
        RegisterComponents();
    }

    /// <summary>The token embedding [V, d], also the output projection when tied.</summary>
    public Tensor TokenEmbeddingWeight => _tokenEmbedding.weight!;

    /// <summary>(B, T) → (B, T, d).</summary>
    internal Tensor forward(Tensor inputIds, AttentionInputs inputs, KvCache? cache)
    {
        var hidden = _tokenEmbedding.forward(inputIds) + _positionEmbedding.forward(inputs.PositionIds);  // (B, T, d)
        for (var layer = 0; layer < _blocks.Count; layer++)
            hidden = _blocks[layer].forward(hidden, inputs, cache, layer);
        return _finalNorm.forward(hidden);                                                             // (B, T, d)
    }
}
