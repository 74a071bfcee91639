using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Models;

namespace PrefSharp.Recipes.Demo.Stages;

/// <summary>
/// Size of the SFT stage: the tiny Llama-style decoder built from scratch, the data and the optimisation.
/// <see cref="Quick"/> fits the demo's ≤ 40 s budget on a 2-core machine; <see cref="Default"/> trains longer and wider.
/// </summary>
public sealed record SftSettings
{
    /// <summary>Width d of the decoder (heads of 16).</summary>
    public int Width { get; init; } = 64;
    public int Layers { get; init; } = 2;

    /// <summary>Ids of the trained BPE (256 bytes included); training stops earlier when no pair occurs twice.</summary>
    public int VocabularySize { get; init; } = 512;

    /// <summary>Prompt–response examples fine-tuned on (the run's better demonstrations, topped up with fresh ones).</summary>
    public int Examples { get; init; } = 2000;

    public int Steps { get; init; } = 250;
    public int BatchSize { get; init; } = 32;
    public double LearningRate { get; init; } = 3e-3;

    /// <summary>Samples per held-out prompt when the policy is scored.</summary>
    public int SamplesPerPrompt { get; init; } = 2;

    /// <summary>Demonstrations at these quality levels or above are "better" and imitated.</summary>
    public double MinQuality { get; init; } = 0.75;

    /// <summary>
    /// libtorch intra-op threads while the stage runs (restored after; 0 leaves the setting). The tensors are tiny, so
    /// splitting an operation costs more than it gains, and on a busy machine it stalls: measured here (2 cores, load
    /// ≈ 15), the quick stage took 7.5 s with 1 thread and 110 s with 2.
    /// </summary>
    public int Threads { get; init; } = 1;

    public static SftSettings Quick { get; } = new();

    public static SftSettings Default { get; } = new() { Width = 128, Examples = 8000, Steps = 1500, SamplesPerPrompt = 4, LearningRate = 2e-3 };

    /// <summary>The decoder: Llama layout, heads of 16 (no grouping), SwiGLU MLP of width 2d, tied embeddings, 128 positions.</summary>
    public ModelConfig ModelConfig(int vocabularySize, int eosId) => new()
    {
        Family = ModelFamily.Llama,
        VocabSize = vocabularySize,
        HiddenSize = Width,
        NumLayers = Layers,
        NumHeads = Width / 16,
        NumKeyValueHeads = Width / 16,
        IntermediateSize = 2 * Width,
        MaxPositions = 128,
        TieWordEmbeddings = true,
        InitializerRange = 0.02,
        EosTokenIds = [eosId],
        PadTokenId = eosId,
    };

    /// <summary>Throws <see cref="ArgumentException"/> naming the setting and its range.</summary>
    public SftSettings Validate()
    {
        if (Width < 16 || Width % 16 != 0) throw new ArgumentException($"Width must be a positive multiple of 16 (got {Width})", nameof(Width));
        if (Layers < 1) throw new ArgumentException($"Layers must be ≥ 1 (got {Layers})", nameof(Layers));
        if (Examples < 2) throw new ArgumentException($"Examples must be ≥ 2 (got {Examples})", nameof(Examples));
        if (Steps < 1) throw new ArgumentException($"Steps must be ≥ 1 (got {Steps})", nameof(Steps));
        if (BatchSize < 1) throw new ArgumentException($"BatchSize must be ≥ 1 (got {BatchSize})", nameof(BatchSize));
        if (Threads < 0) throw new ArgumentException($"Threads must be ≥ 0 (got {Threads})", nameof(Threads));
        if (SamplesPerPrompt < 1) throw new ArgumentException($"SamplesPerPrompt must be ≥ 1 (got {SamplesPerPrompt})", nameof(SamplesPerPrompt));
        if (!(MinQuality is >= 0 and <= 1)) throw new ArgumentException($"MinQuality must be in [0, 1] (got {MinQuality})", nameof(MinQuality));
        return this;
    }
}
