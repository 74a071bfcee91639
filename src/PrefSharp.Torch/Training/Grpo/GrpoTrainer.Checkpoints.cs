using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Training.Checkpointing;

namespace PrefSharp.Torch.Training.Grpo;

public sealed partial class GrpoTrainer
{
    /// <summary>
    /// Writes a resumable <c>checkpoint-STEP/</c> through the shared <see cref="TrainingCheckpoint"/>: the policy (Hugging
    /// Face layout, plus <see cref="SaveAlongside"/>), AdamW's moments and step count, the options, and the trainer state
    /// (rollout step, prompt-order pass and index, seed, torch's generator). The sampler needs no saved state: each
    /// step's rollout draws from a fresh generator seeded by (seed, step) (<see cref="Generation"/>). Keeps the newest
    /// <see cref="Options.TrainingOptions.KeepLastCheckpoints"/>.
    /// </summary>
    public string SaveCheckpoint()
    {
        var state = new TrainerState
        {
            Step = Step,
            TotalSteps = TotalSteps,
            DataEpoch = order.Position.Epoch,
            DataIndex = order.Position.Index,
            LearningRate = Step > 0 ? Optimization.LearningRates.At(Options.Training, Optimizer.StepCount, TotalSteps * Options.Iterations) : 0,
            Seed = Options.Training.Seed,
            TorchRngState = TorchRng.Capture(),
            LastLoss = lastLoss,
            ResumeChanges = resumeChanges,
        };
        var path = TrainingCheckpoint.Save(Options.Training.OutputDirectory, Options.Training.KeepLastCheckpoints, state, folder =>
        {
            Checkpoint.Save(policy, folder);
            SaveAlongside?.Invoke(folder);
        }, Optimizer, Options);
        progress.Message($"saved {path}");
        return path;
    }

    /// <summary>Resumes from the newest complete checkpoint in the output folder; false when there is none.</summary>
    public bool ResumeFromLatest()
    {
        var latest = CheckpointFolders.Latest(Options.Training.OutputDirectory);
        if (latest is null) return false;
        ResumeFrom(latest);
        return true;
    }

    /// <summary>
    /// Loads the policy weights, optimiser state, prompt-order position and torch's generator state from
    /// <paramref name="checkpoint"/>; the run then continues exactly as if it had never stopped (same prompts, same
    /// sampler seeds, same updates), given the same prompts and options: options that differ from the saved ones are
    /// refused (<see cref="ResumeCheck"/>) unless <see cref="Options.TrainingOptions.ResumeWithChanges"/>.
    /// </summary>
    public void ResumeFrom(string checkpoint)
    {
        var state = TrainingCheckpoint.Load(checkpoint, folder => Checkpoint.LoadWeights(policy, folder), Optimizer, Options,
            Options.Training.ResumeWithChanges);
        order.Seek(new Data.DataPosition(state.DataEpoch, state.DataIndex));
        Step = state.Step;
        lastLoss = state.LastLoss;
        resumeChanges = state.ResumeChanges;
        resumedFrom = checkpoint;
        progress.Message(ResumeCheck.ResumedMessage(checkpoint, state));
    }
}
