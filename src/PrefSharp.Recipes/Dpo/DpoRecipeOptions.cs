using PrefSharp.Core.Data;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Training.Dpo;
using PrefSharp.Torch.Training.Options;

namespace PrefSharp.Recipes.Dpo;

/// <summary>One offline DPO-family run (<see cref="DpoRecipe"/>). Checked by the caller that parsed it.</summary>
public sealed record DpoRecipeOptions
{
    /// <summary>Policy checkpoint with its tokenizer (also the reference).</summary>
    public required string ModelDirectory { get; init; }

    /// <summary>Preference pairs to train on.</summary>
    public required string DataPath { get; init; }

    /// <summary>Held-out pairs to evaluate on; null: none.</summary>
    public string? EvalDataPath { get; init; }

    /// <summary>How to read both files.</summary>
    public ReadOptions Reading { get; init; } = new();

    /// <summary>How prompts and responses become tokens.</summary>
    public ChatTemplateKind Template { get; init; } = ChatTemplateKind.Auto;

    /// <summary>The losses, their weights and the reference.</summary>
    public required DpoOptions Dpo { get; init; }

    /// <summary>Continue from the newest complete checkpoint in the output folder.</summary>
    public bool Resume { get; init; }

    /// <summary>The shared loop's options; the final policy goes to OutputDirectory/final.</summary>
    public required TrainingOptions Training { get; init; }
}
