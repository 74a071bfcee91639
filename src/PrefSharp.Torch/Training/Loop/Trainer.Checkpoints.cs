using System.Text.Json;
using System.Text.Json.Serialization;
using PrefSharp.Core.Data;
using PrefSharp.Torch.Training.Checkpointing;
using PrefSharp.Torch.Training.Data;

namespace PrefSharp.Torch.Training.Loop;

public sealed partial class Trainer<TBatch>
{
    /// <summary>Optimiser state file inside a checkpoint.</summary>
    public const string OptimizerFileName = "optimizer.safetensors";

    /// <summary>The training options, saved beside every checkpoint.</summary>
    public const string OptionsFileName = "training_options.json";

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
            LearningRate = Step > 0 ? Optimization.LearningRates.At(Options, Step, TotalSteps) : 0,
            Seed = Options.Seed,
            TorchRngState = TorchRng.Capture(),
        };
        var path = CheckpointFolders.WriteAtomically(Options.OutputDirectory, Step, folder =>
        {
            model.SaveTo(folder);
            Optimizer.SaveState(Path.Combine(folder, OptimizerFileName));
            AtomicFile.WriteAllText(Path.Combine(folder, OptionsFileName), JsonSerializer.Serialize(Options, OptionsJson));
            state.Save(Path.Combine(folder, TrainerState.FileName));
        });
        CheckpointFolders.Prune(Options.OutputDirectory, Options.KeepLastCheckpoints);
        progress.Message($"saved {path}");
        return path;
    }

    /// <summary>Resumes from the newest complete checkpoint in the output folder; false when there is none.</summary>
    public bool ResumeFromLatest()
    {
        var latest = CheckpointFolders.Latest(Options.OutputDirectory);
        if (latest is null) return false;
        ResumeFrom(latest);
        return true;
    }

    /// <summary>Loads model weights, optimiser state, data position and torch's generator state from <paramref name="checkpoint"/>.</summary>
    public void ResumeFrom(string checkpoint)
    {
        var statePath = Path.Combine(checkpoint, TrainerState.FileName);
        if (!File.Exists(statePath)) throw new InvalidDataException($"{checkpoint} is not a complete checkpoint (no {TrainerState.FileName})");
        var state = TrainerState.Load(statePath);
        model.LoadFrom(checkpoint);
        Optimizer.LoadState(Path.Combine(checkpoint, OptimizerFileName));
        train.Seek(new DataPosition(state.DataEpoch, state.DataIndex));
        if (state.TorchRngState is { } rng) TorchRng.Restore(rng);
        Step = state.Step;
        progress.Message($"resumed from {checkpoint} at step {Step}");
    }

    private static readonly JsonSerializerOptions OptionsJson = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}
