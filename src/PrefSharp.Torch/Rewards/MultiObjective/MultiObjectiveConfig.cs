namespace PrefSharp.Torch.Rewards.MultiObjective;

/// <summary>
/// What makes a reward model multi-objective (ArmoRM, DPA): the names of its k outputs (num_labels = k), and after
/// stage 2 the verbosity de-correlation and the gate's architecture. Stored in <c>config.json</c> beside the
/// sequence-classification fields (<see cref="MultiObjectiveConfigJson"/>).
/// </summary>
public sealed record MultiObjectiveConfig
{
    /// <summary>The objective names, one per output (also written as <c>id2label</c>).</summary>
    public required IReadOnlyList<string> Objectives { get; init; }

    /// <summary>The verbosity objective whose correlation is removed before gating; null: no adjustment.</summary>
    public string? VerbosityObjective { get; init; }

    /// <summary>λ per objective (<see cref="VerbosityDecorrelation"/>); present exactly when <see cref="VerbosityObjective"/> is.</summary>
    public IReadOnlyList<double>? VerbosityPenalties { get; init; }

    /// <summary>The gate's architecture; null for a stage-1 model (objective rewards only, score with a direction).</summary>
    public GatingShape? Gating { get; init; }

    /// <summary>Index of <paramref name="name"/> in <see cref="Objectives"/>; the error names <paramref name="option"/> and the objectives.</summary>
    public int IndexOf(string name, string option) => Objectives.ToList().IndexOf(name) is var i and >= 0 ? i
        : throw new ArgumentException($"{option}: unknown objective \"{name}\"; the model has {string.Join(", ", Objectives)}");

    /// <summary>Checks names and the de-correlation fields against <paramref name="numLabels"/>; returns this config.</summary>
    public MultiObjectiveConfig Validate(int numLabels)
    {
        if (Objectives.Count != numLabels)
            throw new ArgumentException($"prefsharp_objectives names {Objectives.Count} objectives for num_labels = {numLabels}", "prefsharp_objectives");
        if (Objectives.Any(string.IsNullOrWhiteSpace) || Objectives.Distinct(StringComparer.Ordinal).Count() != Objectives.Count)
            throw new ArgumentException("prefsharp_objectives must be distinct non-empty names", "prefsharp_objectives");
        if (VerbosityObjective is { } verbosity)
        {
            IndexOf(verbosity, "prefsharp_verbosity_objective");
            if (VerbosityPenalties is null || VerbosityPenalties.Count != numLabels || VerbosityPenalties.Any(p => !double.IsFinite(p)))
                throw new ArgumentException($"prefsharp_verbosity_penalties must hold {numLabels} finite numbers", "prefsharp_verbosity_penalties");
        }
        else if (VerbosityPenalties is not null)
            throw new ArgumentException("prefsharp_verbosity_penalties needs prefsharp_verbosity_objective", "prefsharp_verbosity_penalties");
        return this;
    }
}
