namespace PrefSharp.Torch.Training.Games;

/// <summary>Options of <see cref="AnswerGame"/>: B groups of G samples per step, plain SGD, Nash-MD's β and τ, MNPO's population, η and ρ, the sampling seed.</summary>
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

    /// <summary>MNPO: n, the past policies the policy plays against (the authors use up to 3). ≥ 1; 1 is INPO.</summary>
    public int Population { get; init; } = 3;

    /// <summary>MNPO: updates per iteration, after which the policy joins the population and pairs come from it. ≥ 1.</summary>
    public int IterationSteps { get; init; } = 10;

    /// <summary>MNPO: η of L = (h − 1/(2η))²; the update is π_{t+1} ∝ anchor·exp(P(y ≻ π_t)/η). &gt; 0.</summary>
    public double Eta { get; init; } = 0.5;

    /// <summary>MNPO: ρ, the share of π_ref in the anchor (the rest is the population's geometric mean). In [0, 1].</summary>
    public double ReferenceShare { get; init; }

    /// <summary>Seed of the sampler.</summary>
    public long Seed { get; init; } = 1;
}
