namespace PrefSharp.Torch.Training.Grpo;

/// <summary>How a <see cref="GrpoTrainer.Run"/> ended: steps done, whether it was cancelled, the final checkpoint folder, every step's report.</summary>
public sealed record GrpoTrainingResult(long Steps, bool Cancelled, string? Checkpoint, IReadOnlyList<GrpoStepReport> Reports)
{
    /// <summary>True when the run stopped early because its KL reached <see cref="GrpoTrainerOptions.KlBudget"/>.</summary>
    public bool StoppedAtKlBudget { get; init; }
}
