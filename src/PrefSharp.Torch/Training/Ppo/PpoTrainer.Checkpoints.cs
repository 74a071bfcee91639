using PrefSharp.Torch.Training.Rollouts;

namespace PrefSharp.Torch.Training.Ppo;

public sealed partial class PpoTrainer
{
    /// <summary>
    /// Writes a resumable <c>checkpoint-STEP/</c> through the shared loop: the policy (Hugging Face layout, plus
    /// <see cref="SaveAlongside"/>), the value model in <c>value/</c>, AdamW's state, the PPO options and the trainer
    /// state (rollout step, prompt position, seed, torch's generator).
    /// </summary>
    public string SaveCheckpoint() => loop.SaveCheckpoint();

    /// <summary>Resumes from the newest complete checkpoint in the output folder; false when there is none.</summary>
    public bool ResumeFromLatest() => loop.ResumeFromLatest();

    /// <summary>Loads policy, value model, optimiser state and prompt position; the run continues as if it had never stopped.</summary>
    public void ResumeFrom(string checkpoint) => loop.ResumeFrom(checkpoint);

    /// <summary>
    /// Runs until <see cref="TotalSteps"/>, the KL budget (<see cref="PpoTrainerOptions.KlBudget"/>; a resumed run starts a
    /// fresh trailing window) or cancellation, logging every step's diagnostics to metrics.jsonl and
    /// TensorBoard and checkpointing through the shared loop. A cancelled run writes no checkpoint, like a killed one.
    /// </summary>
    public PpoTrainingResult Run(CancellationToken cancellation = default)
    {
        var run = RolloutRun.Execute(loop, Report, report => report.Diagnostics.SequenceKl, report => StepCompleted?.Invoke(report),
            Options.KlBudget is { } nats ? new KlBudget(nats, Options.KlBudgetWindow) : null, progress, cancellation);
        return new PpoTrainingResult(Step, run.Cancelled, run.Checkpoint, run.Reports) { StoppedAtKlBudget = run.StoppedAtKlBudget };
    }
}
