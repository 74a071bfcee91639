namespace PrefSharp.Core.Data;

/// <summary>
/// A training pair: for <see cref="Prompt"/>, <see cref="Chosen"/> is preferred to <see cref="Rejected"/>
/// (TRL's preference format). When <see cref="IsTie"/> is true neither is preferred and the orientation is arbitrary.
/// </summary>
public sealed record PreferencePair(Passage Prompt, Passage Chosen, Passage Rejected) : PreferenceRecord
{
    /// <summary>Strength of the preference (Llama 2's margin, a rating gap); null when unknown.</summary>
    public double? Margin { get; init; }

    /// <summary>Score of the chosen response on the source's scale (UltraFeedback's rating), when given.</summary>
    public double? ScoreChosen { get; init; }

    /// <summary>Score of the rejected response on the same scale as <see cref="ScoreChosen"/>.</summary>
    public double? ScoreRejected { get; init; }

    /// <summary>Probability in [0, 1] that <see cref="Chosen"/> is preferred (soft label); null means 1 (a hard label).</summary>
    public double? SoftLabel { get; init; }

    public bool IsTie { get; init; }

    /// <summary>Who labelled the pair (a human rater id, a judge model, a simulated annotator).</summary>
    public string? AnnotatorId { get; init; }

    /// <summary>The dataset or subset the pair belongs to (used for per-subset evaluation).</summary>
    public string? Source { get; init; }

    /// <summary>Identifier of the prompt or item, to group labels of the same comparison.</summary>
    public string? Id { get; init; }

    /// <summary>Name of the model or system that wrote the chosen response, when known.</summary>
    public string? ChosenModel { get; init; }

    /// <summary>Name of the model or system that wrote the rejected response, when known.</summary>
    public string? RejectedModel { get; init; }
}
