using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Tokenization;

namespace PrefSharp.Torch.Rewards;

/// <summary>
/// Llama-layout backbones for reward models trained from scratch on a CPU: <c>tiny</c> (d = 64, 2 layers, 4 heads,
/// MLP 128; about 0.1M parameters besides the embedding) for tests and the gym, <c>small</c> (d = 128, 4 layers,
/// 4 heads, MLP 384; about 0.8M besides the embedding) for real text. Both read up to 512 positions.
/// </summary>
public static class RewardModelPresets
{
    /// <summary>The preset names.</summary>
    public static IReadOnlyList<string> Names { get; } = ["tiny", "small"];

    /// <summary>The backbone of <paramref name="preset"/> for a tokenizer (vocabulary size and special ids).</summary>
    public static ModelConfig Backbone(string preset, ITokenizer tokenizer, int maxPositions = 512)
    {
        if (maxPositions < 2) throw new ArgumentException($"maxPositions must be ≥ 2, found {maxPositions}", nameof(maxPositions));
        var (hidden, layers, intermediate) = preset switch
        {
            "tiny" => (64, 2, 128),
            "small" => (128, 4, 384),
            _ => throw new ArgumentException($"--preset must be one of {string.Join(", ", Names)}, found \"{preset}\"", nameof(preset)),
        };
        return new ModelConfig
        {
            Family = ModelFamily.Llama, VocabSize = tokenizer.VocabularySize, HiddenSize = hidden, NumLayers = layers,
            NumHeads = 4, NumKeyValueHeads = 4, IntermediateSize = intermediate, MaxPositions = maxPositions,
            TieWordEmbeddings = true, InitializerRange = 0.02,
            BosTokenId = tokenizer.BosId, EosTokenIds = tokenizer.EosId is { } eos ? [eos] : [], PadTokenId = tokenizer.PadId ?? tokenizer.EosId,
        }.Validate();
    }
}
