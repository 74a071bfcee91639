using PrefSharp.Torch.Training.NashMd;

namespace PrefSharp.Recipes.Online;

/// <summary>One Nash-MD run (<see cref="NashMdRecipe"/>): the policy, the prompts, the preference and the trainer's options. Checked by the caller that parsed it.</summary>
public sealed record NashMdRecipeOptions
{
    /// <summary>Policy checkpoint: config.json, model.safetensors and the tokenizer (also the frozen reference π_ref).</summary>
    public required string ModelDirectory { get; init; }

    /// <summary>The prompts (plain text).</summary>
    public required IReadOnlyList<string> Prompts { get; init; }

    /// <summary>Wrap prompts in the tokenizer's chat template and stop at end of turn; false: the plain template.</summary>
    public bool Chat { get; init; }

    /// <summary>The preference: gym:WORLD, rm:DIR (a GPM's own preference, or Bradley–Terry over a scalar RM) or judge:URL.</summary>
    public required string Preference { get; init; }

    /// <summary>Model name sent to a judge endpoint.</summary>
    public string? JudgeModel { get; init; }

    /// <summary>Seconds one judge request may take before it is retried.</summary>
    public double JudgeTimeoutSeconds { get; init; } = 60;

    /// <summary>Continue from the newest complete checkpoint in the output folder.</summary>
    public bool Resume { get; init; }

    /// <summary>The trainer's options; the recipe fills in the stop and pad ids from the tokenizer and template.</summary>
    public required NashMdOptions Trainer { get; init; }
}
