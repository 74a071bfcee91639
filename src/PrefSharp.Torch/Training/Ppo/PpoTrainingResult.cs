namespace PrefSharp.Torch.Training.Ppo;

/// <summary>How a <see cref="PpoTrainer.Run"/> ended: steps done, whether it was cancelled, the final checkpoint folder, every step's report.</summary>
public sealed record PpoTrainingResult(long Steps, bool Cancelled, string? Checkpoint, IReadOnlyList<PpoStepReport> Reports);
