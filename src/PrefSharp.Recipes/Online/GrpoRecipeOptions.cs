using PrefSharp.Torch.Training.Grpo;

namespace PrefSharp.Recipes.Online;

/// <summary>One GRPO run (<see cref="GrpoRecipe"/>): the policy, the prompts, the reward and the trainer's options. Checked by the caller that parsed it.</summary>
public sealed record GrpoRecipeOptions
{
    /// <summary>Policy checkpoint: config.json, model.safetensors and the tokenizer (also the frozen reference).</summary>
    public required string ModelDirectory { get; init; }

    /// <summary>The prompts (plain text).</summary>
    public required IReadOnlyList<string> Prompts { get; init; }

    /// <summary>Wrap prompts in the tokenizer's chat template and stop at end of turn; false: the plain template.</summary>
    public bool Chat { get; init; }

    /// <summary>The reward terms: gym:WORLD, rm:DIR or judge:URL (<see cref="Rewards.RewardSourceSpec"/>) with their weights.</summary>
    public required IReadOnlyList<Rewards.RewardTerm> Rewards { get; init; }

    /// <summary>How the terms become one reward (aggregation, PAR, constraints, ensembles).</summary>
    public Rewards.RewardCompositionOptions Composition { get; init; } = new();

    /// <summary>Pref-GRPO: rewards are win rates inside each group.</summary>
    public bool Pairwise { get; init; }

    /// <summary>Model name sent to a judge endpoint.</summary>
    public string? JudgeModel { get; init; }

    /// <summary>Seconds one judge request may take before it is retried.</summary>
    public double JudgeTimeoutSeconds { get; init; } = 60;

    /// <summary>Gym world whose utility is logged as the gold reward; null: the reward's world, if any.</summary>
    public string? GoldWorld { get; init; }

    /// <summary>Continue from the newest complete checkpoint in the output folder.</summary>
    public bool Resume { get; init; }

    /// <summary>The trainer's options; the recipe fills in the stop and pad ids from the tokenizer and template.</summary>
    public required GrpoTrainerOptions Trainer { get; init; }
}
