using System.Text.Json;
using System.Text.Json.Serialization;
using PrefSharp.Core.Data;

namespace PrefSharp.Torch.Training.Checkpointing;

/// <summary>
/// The loop's own state in a checkpoint (<c>trainer_state.json</c>): optimiser steps done, the position of the
/// training data, torch's generator state (for dropout and sampling), and the learning rate of the last step.
/// </summary>
public sealed record TrainerState
{
    /// <summary>The file name inside a checkpoint folder; written last, so its presence marks a complete checkpoint.</summary>
    public const string FileName = "trainer_state.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Optimiser steps completed.</summary>
    public long Step { get; init; }

    /// <summary>Total steps the run was planned for (informative; the schedule follows the current options).</summary>
    public long TotalSteps { get; init; }

    /// <summary>Epoch of the next training example.</summary>
    public int DataEpoch { get; init; }

    /// <summary>Index, in that epoch's shuffled order, of the next training example.</summary>
    public int DataIndex { get; init; }

    /// <summary>Learning rate of the last step.</summary>
    public double LearningRate { get; init; }

    /// <summary>The data-order seed of the run.</summary>
    public int Seed { get; init; }

    /// <summary>Training loss of the last logged window before this checkpoint; null when none was logged.</summary>
    public double? LastLoss { get; init; }

    /// <summary>Options changed on a resume with <c>--resume-with-changes</c>, over the whole run, oldest first; null when none.</summary>
    public IReadOnlyList<OptionChange>? ResumeChanges { get; init; }

    /// <summary>The float16 run's dynamic loss scale S at this step; null for other compute types.</summary>
    public double? LossScale { get; init; }

    /// <summary>Finite updates since the loss scale last changed; null for other compute types.</summary>
    public int? LossScaleGoodUpdates { get; init; }

    /// <summary>torch's default CPU generator state (<c>torch.random.get_rng_state()</c>), base64.</summary>
    public string? TorchRngState { get; init; }

    /// <summary>Writes the state atomically.</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, Json));

    /// <summary>Reads a state written by <see cref="Save"/>.</summary>
    public static TrainerState Load(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<TrainerState>(File.ReadAllText(path), Json)
                ?? throw new InvalidDataException($"{path}: empty trainer state");
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"{path}: not a trainer state: {error.Message}", error);
        }
    }
}
