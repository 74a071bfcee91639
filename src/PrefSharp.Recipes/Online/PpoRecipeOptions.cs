using PrefSharp.Torch.Training.Ppo;

namespace PrefSharp.Recipes.Online;

/// <summary>One PPO or P3O run (<see cref="PpoRecipe"/>): the policy, the prompts, the reward, the value model and the trainer's options.</summary>
public sealed record PpoRecipeOptions
{
    /// <summary>Policy checkpoint: config.json, model.safetensors and the tokenizer (also the frozen reference).</summary>
    public required string ModelDirectory { get; init; }

    /// <summary>The prompts (plain text).</summary>
    public required IReadOnlyList<string> Prompts { get; init; }

    /// <summary>Wrap prompts in the tokenizer's chat template and stop at end of turn; false: the plain template.</summary>
    public bool Chat { get; init; }

    /// <summary>The reward: gym:WORLD, rm:DIR or judge:URL (<see cref="Rewards.RewardSourceSpec"/>).</summary>
    public required string Reward { get; init; }

    /// <summary>Model name sent to a judge endpoint.</summary>
    public string? JudgeModel { get; init; }

    /// <summary>Seconds one judge request may take before it is retried.</summary>
    public double JudgeTimeoutSeconds { get; init; } = 60;

    /// <summary>Gym world whose utility is logged as the gold reward; null: the reward's world, if any.</summary>
    public string? GoldWorld { get; init; }

    /// <summary>The value model: "head" (a scalar head on the policy) or "rm:DIR" (a critic initialised from that reward model).</summary>
    public string Critic { get; init; } = "head";

    /// <summary>Continue from the newest complete checkpoint in the output folder.</summary>
    public bool Resume { get; init; }

    /// <summary>The trainer's options; the recipe fills in the stop and pad ids from the tokenizer and template.</summary>
    public required PpoTrainerOptions Trainer { get; init; }
}
