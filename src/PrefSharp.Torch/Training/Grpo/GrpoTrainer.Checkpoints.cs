using PrefSharp.Torch.Training.Checkpointing;
using PrefSharp.Torch.Training.Loop;
using PrefSharp.Torch.Training.Rollouts;

namespace PrefSharp.Torch.Training.Grpo;

public sealed partial class GrpoTrainer
{
    /// <summary>
    /// Writes a resumable <c>checkpoint-STEP/</c> through the shared loop (<see cref="Trainer{TBatch}.SaveCheckpoint"/>):
    /// the policy (Hugging Face layout, plus <see cref="SaveAlongside"/>), AdamW's moments and step count, the GRPO
    /// options, and the trainer state (rollout step, prompt-order pass and index, seed, torch's generator). Keeps the
    /// newest <see cref="Options.TrainingOptions.KeepLastCheckpoints"/>.
    /// </summary>
    public string SaveCheckpoint() => loop.SaveCheckpoint();

    /// <summary>Resumes from the newest complete checkpoint in the output folder; false when there is none.</summary>
    public bool ResumeFromLatest() => loop.ResumeFromLatest();

    /// <summary>
    /// Loads the policy weights, optimiser state, prompt-order position and torch's generator state from
    /// <paramref name="checkpoint"/>; the run then continues exactly as if it had never stopped (same prompts, same
    /// sampler seeds, same updates), given the same prompts and options: options that differ from the saved ones are
    /// refused (<see cref="ResumeCheck"/>) unless <see cref="Options.TrainingOptions.ResumeWithChanges"/>.
    /// </summary>
    public void ResumeFrom(string checkpoint) => loop.ResumeFrom(checkpoint);

    /// <summary>
    /// Runs until <see cref="TotalSteps"/>, the KL budget (<see cref="GrpoTrainerOptions.KlBudget"/>; a resumed run starts
    /// a fresh trailing window) or cancellation, logging every <see cref="Options.TrainingOptions.LogEvery"/>
    /// steps to metrics.jsonl and TensorBoard in the output folder, writing a resumable <c>checkpoint-STEP</c> folder
    /// every <see cref="Options.TrainingOptions.CheckpointEvery"/> steps and at the end (see <see cref="SaveCheckpoint"/>).
    /// A cancelled run writes no checkpoint, like a killed one.
    /// </summary>
    public GrpoTrainingResult Run(CancellationToken cancellation = default)
    {
        var run = RolloutRun.Execute(loop, Report, report => report.Diagnostics.SequenceKl, report => StepCompleted?.Invoke(report),
            Options.KlBudget is { } nats ? new KlBudget(nats, Options.KlBudgetWindow) : null, progress, cancellation);
        return new GrpoTrainingResult(Step, run.Cancelled, run.Checkpoint, run.Reports) { StoppedAtKlBudget = run.StoppedAtKlBudget };
    }
}
