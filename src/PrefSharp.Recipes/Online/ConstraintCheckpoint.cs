using System.Text.Json;
using PrefSharp.Core.Data;
using PrefSharp.Torch.Rewards.Sources;

namespace PrefSharp.Recipes.Online;

/// <summary>
/// The Lagrange multipliers of a constrained reward (<see cref="CompositeRewardSource"/>) beside each checkpoint, in
/// <c>lagrange_multipliers.json</c>, so that a resumed run continues with the λ it stopped with and ends as an
/// uninterrupted one would. Rewards without constraints write nothing.
/// </summary>
public static class ConstraintCheckpoint
{
    /// <summary>The file name inside a checkpoint folder.</summary>
    public const string FileName = "lagrange_multipliers.json";

    /// <summary>Writes the current multipliers into <paramref name="folder"/> when the reward has any.</summary>
    public static void Save(IGroupRewardSource reward, string folder)
    {
        if (reward is CompositeRewardSource { Multipliers.Count: > 0 } composite)
            AtomicFile.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(composite.Multipliers));
    }

    /// <summary>Restores the multipliers saved in <paramref name="checkpoint"/> (a constrained reward needs them there).</summary>
    public static void Restore(IGroupRewardSource reward, string checkpoint)
    {
        if (reward is not CompositeRewardSource { Multipliers.Count: > 0 } composite) return;
        var path = Path.Combine(checkpoint, FileName);
        if (!File.Exists(path)) throw new InvalidDataException($"{path}: missing; a run with --constraint resumes only from its own checkpoints");
        composite.RestoreMultipliers(JsonSerializer.Deserialize<double[]>(File.ReadAllText(path))
            ?? throw new InvalidDataException($"{path}: expected a JSON array of multipliers"));
    }
}
