namespace PrefSharp.Torch.Training.Ppo;

/// <summary>How a <see cref="PpoTrainer.Run"/> ended: steps done, whether it was cancelled, the final checkpoint folder, every step's report.</summary>
public sealed record PpoTrainingResult(long Steps, bool Cancelled, string? Checkpoint, IReadOnlyList<PpoStepReport> Reports)
{
    /// <summary>True when the run stopped early because its KL reached <see cref="PpoTrainerOptions.KlBudget"/>.</summary>
    public bool StoppedAtKlBudget { get; init; }
}
