using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using PrefSharp.Core.Data;
using PrefSharp.Torch.Training.Optimization;

namespace PrefSharp.Torch.Training.Checkpointing;

/// <summary>
/// The resumable checkpoint every trainer writes: <c>checkpoint-STEP/</c> with the model (its own files), the AdamW
/// state (<see cref="OptimizerFileName"/>), the options (<see cref="OptionsFileName"/>) and the
/// <see cref="TrainerState"/> last, written into a temporary folder and renamed into place
/// (<see cref="CheckpointFolders.WriteAtomically"/>), so a crash leaves the previous checkpoint as the newest complete one.
/// </summary>
public static class TrainingCheckpoint
{
    /// <summary>Optimiser state file inside a checkpoint.</summary>
    public const string OptimizerFileName = "optimizer.safetensors";

    /// <summary>The trainer's options, saved beside every checkpoint.</summary>
    public const string OptionsFileName = "training_options.json";

    /// <summary>
    /// Writes <c>checkpoint-STEP</c> (STEP = <paramref name="state"/>'s step) into <paramref name="outputDirectory"/>, then
    /// keeps only the newest <paramref name="keepLast"/> (0 keeps all); returns its path. A trained weight that is NaN
    /// or infinite is a <see cref="Guards.TrainingDivergedException"/> naming it, and nothing is written.
    /// </summary>
    public static string Save<TOptions>(string outputDirectory, int keepLast, TrainerState state, Action<string> saveModel,
        AdamW optimizer, TOptions options)
    {
        Guards.NonFiniteGuard.CheckWeights(state.Step, optimizer.NamedParameters, outputDirectory);
        var path = CheckpointFolders.WriteAtomically(outputDirectory, state.Step, folder =>
        {
            saveModel(folder);
            optimizer.SaveState(Path.Combine(folder, OptimizerFileName));
            AtomicFile.WriteAllText(Path.Combine(folder, OptionsFileName), JsonSerializer.Serialize(options, OptionsJson));
            state.Save(Path.Combine(folder, TrainerState.FileName));
        });
        CheckpointFolders.Prune(outputDirectory, keepLast);
        return path;
    }

    /// <summary>
    /// Checks that <paramref name="options"/> match the saved ones (<see cref="ResumeCheck"/>; a difference is an
    /// <see cref="ArgumentException"/> unless <paramref name="allowChanges"/>), then loads the model weights
    /// (<paramref name="loadModel"/>) and the optimiser state from a complete checkpoint, restores torch's default
    /// generator, and returns the trainer state for the caller's own position (step, data order), its
    /// <see cref="TrainerState.ResumeChanges"/> extended by this resume's changes.
    /// </summary>
    public static TrainerState Load<TOptions>(string checkpoint, Action<string> loadModel, AdamW optimizer, TOptions options, bool allowChanges)
    {
        var statePath = Path.Combine(checkpoint, TrainerState.FileName);
        if (!File.Exists(statePath)) throw new InvalidDataException($"{checkpoint} is not a complete checkpoint (no {TrainerState.FileName})");
        var state = TrainerState.Load(statePath);
        var changes = ResumeCheck.Enforce(checkpoint, SavedOptions(checkpoint), JsonSerializer.SerializeToNode(options, OptionsJson), state.Step, allowChanges);
        if (changes.Count > 0) state = state with { ResumeChanges = [.. state.ResumeChanges ?? [], .. changes] };
        loadModel(checkpoint);
        optimizer.LoadState(Path.Combine(checkpoint, OptimizerFileName));
        if (state.TorchRngState is { } rng) TorchRng.Restore(rng);
        return state;
    }

    private static JsonNode? SavedOptions(string checkpoint)
    {
        var path = Path.Combine(checkpoint, OptionsFileName);
        if (!File.Exists(path)) return null;
        try
        {
            return JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"{path}: not a JSON options file: {error.Message}", error);
        }
    }

    private static readonly JsonSerializerOptions OptionsJson = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}
