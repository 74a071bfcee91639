using PrefSharp.Torch.Models;
using PrefSharp.Core.Data;
using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Training.Options;

namespace PrefSharp.Recipes.Sft;

/// <summary>One supervised fine-tuning run (<see cref="SftRecipe"/>). Checked by the caller that parsed it.</summary>
public sealed record SftRecipeOptions
{
    /// <summary>Training data: text, prompt/completion, messages, or any preference format (the chosen response).</summary>
    public required string DataPath { get; init; }

    /// <summary>Held-out data for evaluation (same formats); null: none.</summary>
    public string? EvalDataPath { get; init; }

    /// <summary>How to read both files.</summary>
    public ReadOptions Reading { get; init; } = new();

    /// <summary>Start from this checkpoint; null: a model from scratch (<see cref="ScratchConfig"/>).</summary>
    public string? CheckpointDirectory { get; init; }

    /// <summary>Tokenizer folder; null: the checkpoint's, or the byte-level tokenizer from scratch.</summary>
    public string? TokenizerDirectory { get; init; }

    /// <summary>The configuration of a model from scratch for a vocabulary size.</summary>
    public required Func<int, ModelConfig> ScratchConfig { get; init; }

    /// <summary>Continue from the newest complete checkpoint in the output folder.</summary>
    public bool Resume { get; init; }

    /// <summary>The shared loop's options.</summary>
    public required TrainingOptions Training { get; init; }
}
