namespace PrefSharp.Cli.Commands.Training;

/// <summary>
/// The per-verb wording of <see cref="TrainingFlags"/>: what one unit of a micro-batch is (examples, pairs,
/// completions), what a step is, and the verb's own notes where a flag means a little more there.
/// </summary>
public sealed record TrainingFlagTexts
{
    /// <summary>Plural noun of a micro-batch's unit: "Examples", "Pairs".</summary>
    public required string BatchUnit { get; init; }

    /// <summary>What <c>--max-steps</c> counts; default "Optimiser steps".</summary>
    public string StepUnit { get; init; } = "Optimiser steps";

    /// <summary>Description of <c>--max-length</c>.</summary>
    public string MaxLength { get; init; } = "Truncate each sequence to this many tokens";

    /// <summary>Description of <c>--seed</c>.</summary>
    public string Seed { get; init; } = "Seed of the data order and torch's generator";

    /// <summary>Description of <c>--warmup</c>.</summary>
    public string Warmup { get; init; } = "Linear warm-up steps";

    /// <summary>
    /// When set, <c>--lr</c> has no fixed default: this text says how the verb picks one, and
    /// <see cref="TrainingFlags.ExplicitLearningRate"/> tells whether the user gave one.
    /// </summary>
    public string? LearningRateDefaultNote { get; init; }
}
