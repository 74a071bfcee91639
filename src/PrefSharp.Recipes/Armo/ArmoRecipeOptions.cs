using PrefSharp.Core.Data;
using PrefSharp.Torch.Training.Options;
using PrefSharp.Torch.Training.Reward.MultiObjective;

namespace PrefSharp.Recipes.Armo;

/// <summary>
/// One ArmoRM run (<see cref="ArmoRecipe"/>): stage 1 on ratings and/or stage 2 on pairs, from scratch or from an
/// existing stage-1 folder. Checked by the caller that parsed it.
/// </summary>
public sealed record ArmoRecipeOptions
{
    /// <summary>Stage 1: JSONL of prompt, response and one rating field per objective; null: no stage 1.</summary>
    public string? RatingsPath { get; init; }

    /// <summary>Stage 1: the rating fields, one model output each.</summary>
    public IReadOnlyList<string> Objectives { get; init; } = [];

    /// <summary>Stage 2: preference pairs to train the gate on; null: no stage 2.</summary>
    public string? PairsPath { get; init; }

    /// <summary>Stage 2 only: a stage-1 model folder written by this recipe.</summary>
    public string? FromDirectory { get; init; }

    /// <summary>How to read <see cref="PairsPath"/>.</summary>
    public ReadOptions Reading { get; init; } = new();

    /// <summary>Output folder: model, gate, tokenizer files, eval.json, training logs.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Stage 1 backbone preset from scratch.</summary>
    public string Preset { get; init; } = "small";

    /// <summary>Tokenizer folder; null: a byte-level BPE trained on the training ratings.</summary>
    public string? TokenizerDirectory { get; init; }

    /// <summary>Ids of the BPE trained when no tokenizer is given.</summary>
    public int VocabularySize { get; init; } = 2048;

    /// <summary>Fraction of prompts held out (ratings and pairs).</summary>
    public double EvalSplit { get; init; } = 0.1;

    /// <summary>Seed of the splits and initialisation (and of <see cref="Stage1"/> and <see cref="Gate"/>).</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Stage 1 training on the shared loop; its MaxSequenceLength is the length of every encoded sequence.</summary>
    public required TrainingOptions Stage1 { get; init; }

    /// <summary>Stage 2: the gate.</summary>
    public GatingOptions Gate { get; init; } = new();
}
