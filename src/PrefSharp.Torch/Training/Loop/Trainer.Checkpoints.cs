using PrefSharp.Torch.Training.Checkpointing;
using PrefSharp.Torch.Training.Data;

namespace PrefSharp.Torch.Training.Loop;

public sealed partial class Trainer<TBatch>
{
    /// <summary>Optimiser state file inside a checkpoint.</summary>
    public const string OptimizerFileName = TrainingCheckpoint.OptimizerFileName;

    /// <summary>The training options, saved beside every checkpoint.</summary>
    public const string OptionsFileName = TrainingCheckpoint.OptionsFileName;

    /// <summary>
    /// Writes <c>checkpoint-STEP/</c> (model, optimiser state, options, trainer state last) into a temporary folder and
    /// renames it into place, then keeps only the newest <see cref="Options.TrainingOptions.KeepLastCheckpoints"/>.
    /// </summary>
    public string SaveCheckpoint()
    {
        var state = new TrainerState
        {
            Step = Step,
            TotalSteps = TotalSteps,
            DataEpoch = train.Position.Epoch,
            DataIndex = train.Position.Index,
            LearningRate = Step > 0 ? Optimization.LearningRates.At(Options, Step * UpdatesPerStep, TotalSteps * UpdatesPerStep) : 0,
            Seed = Options.Seed,
            TorchRngState = TorchRng.Capture(),
            LastLoss = double.IsFinite(lastLoss) ? lastLoss : null,
            ResumeChanges = resumeChanges,
            LossScale = LossScale?.Scale,
            LossScaleGoodUpdates = LossScale?.GoodUpdates,
        };
        var path = TrainingCheckpoint.Save(Options.OutputDirectory, Options.KeepLastCheckpoints, state, model.SaveTo, Optimizer, SavedOptions ?? Options);
        progress.Message($"saved {path}");
        return path;
    }

    /// <summary>
    /// Resumes from the newest complete checkpoint in the output folder; false, after saying so on the progress
    /// writer, when there is none and the run starts from step 0.
    /// </summary>
    public bool ResumeFromLatest()
    {
        var latest = CheckpointFolders.Latest(Options.OutputDirectory);
        if (latest is null)
        {
            progress.Message($"--resume: no checkpoint in {Options.OutputDirectory}; starting from step 0");
            return false;
        }
        ResumeFrom(latest);
        return true;
    }

    /// <summary>
    /// Loads model weights, optimiser state, data position and torch's generator state from <paramref name="checkpoint"/>,
    /// after checking that the options match the saved ones (<see cref="ResumeCheck"/>; allowed to differ with
    /// <see cref="Options.TrainingOptions.ResumeWithChanges"/>, and then recorded in later checkpoints).
    /// </summary>
    public void ResumeFrom(string checkpoint)
    {
        var state = TrainingCheckpoint.Load(checkpoint, model.LoadFrom, Optimizer, SavedOptions ?? Options, Options.ResumeWithChanges);
        train.Seek(new DataPosition(state.DataEpoch, state.DataIndex));
        Step = state.Step;
        lastLoss = state.LastLoss ?? double.NaN;
        if (LossScale is not null && state.LossScale is { } scale) LossScale.Restore(scale, state.LossScaleGoodUpdates ?? 0);
        resumeChanges = state.ResumeChanges;
        resumedFrom = checkpoint;
        progress.Message(ResumeCheck.ResumedMessage(checkpoint, state));
    }
}
