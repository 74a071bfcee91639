namespace PrefSharp.Torch.Training.Games;

/// <summary>Options of <see cref="AnswerGame"/>: B groups of G samples per step, plain SGD, Nash-MD's β and τ, the sampling seed.</summary>
public sealed record AnswerGameOptions
{
    /// <summary>B, groups per step (for Nash-MD: B·G policy samples, each with its own opponent).</summary>
    public int Groups { get; init; } = 8;

    /// <summary>G, samples per group (SPO's win rate is over the group). ≥ 2.</summary>
    public int GroupSize { get; init; } = 8;

    /// <summary>SGD step size on the logits.</summary>
    public double LearningRate { get; init; } = 0.5;

    /// <summary>Nash-MD's mixture coefficient β.</summary>
    public double MixtureCoefficient { get; init; } = 0.5;

    /// <summary>Nash-MD's KL coefficient τ (TRL's default 0.1).</summary>
    public double Tau { get; init; } = 0.1;

    /// <summary>Seed of the sampler.</summary>
    public long Seed { get; init; } = 1;
}
