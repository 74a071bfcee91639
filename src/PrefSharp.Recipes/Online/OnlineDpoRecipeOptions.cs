using PrefSharp.Torch.Training.Dpo.Online;

namespace PrefSharp.Recipes.Online;

/// <summary>One online DPO run (<see cref="OnlineDpoRecipe"/>): the policy, the prompts, the labeller and the rounds. Checked by the caller that parsed it.</summary>
public sealed record OnlineDpoRecipeOptions
{
    /// <summary>Policy checkpoint: config.json, model.safetensors and the tokenizer (also the fixed reference).</summary>
    public required string ModelDirectory { get; init; }

    /// <summary>The prompts, in the order rounds take them.</summary>
    public required IReadOnlyList<string> Prompts { get; init; }

    /// <summary>Labeller: gym:WORLD (the simulated panel), rm:DIR or judge:URL (<see cref="Rewards.RewardSourceSpec"/>).</summary>
    public required string Label { get; init; }

    /// <summary>The flag <see cref="Label"/> came from, named in errors.</summary>
    public string LabelOption { get; init; } = "--label";

    /// <summary>Model name sent to a judge endpoint.</summary>
    public string? JudgeModel { get; init; }

    /// <summary>Seconds one judge request may take before it is retried.</summary>
    public double JudgeTimeoutSeconds { get; init; } = 60;

    /// <summary>gym:WORLD: the simulated panel (AnnotatorSpec text).</summary>
    public required string Annotators { get; init; }

    /// <summary>gym:WORLD: annotator votes per pair.</summary>
    public int Votes { get; init; } = 1;

    /// <summary>Gym world whose gold utility is reported; null: the label's world, if any.</summary>
    public string? GoldWorld { get; init; }

    /// <summary>Sample-label-train rounds.</summary>
    public int Rounds { get; init; } = 2;

    /// <summary>Prompts per round, taken in turn (0: all of them every round).</summary>
    public int PromptsPerRound { get; init; }

    /// <summary>The loop's options; Training.OutputDirectory holds the round-N policies.</summary>
    public required OnlineDpoOptions Loop { get; init; }
}
