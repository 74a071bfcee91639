using System.Globalization;
using PrefSharp.Torch.Checkpoints;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Optimization;

public sealed partial class AdamW
{
    private const string ExpAvgPrefix = "exp_avg/";
    private const string ExpAvgSqPrefix = "exp_avg_sq/";
    private const string MasterPrefix = "master/";

    /// <summary>
    /// Writes the full state to a safetensors file (atomically): <c>exp_avg/NAME</c> and <c>exp_avg_sq/NAME</c> for every
    /// parameter updated at least once, <c>master/NAME</c> (float32) for every reduced-precision parameter, and the step
    /// count and hyper-parameters in the metadata.
    /// </summary>
    public void SaveState(string path)
    {
        var tensors = new List<(string, Tensor)>();
        foreach (var slot in slots.Where(s => s.ExpAvg is not null))
        {
            tensors.Add((ExpAvgPrefix + slot.Name, slot.ExpAvg!));
            tensors.Add((ExpAvgSqPrefix + slot.Name, slot.ExpAvgSq!));
        }
        foreach (var slot in slots.Where(s => s.HasMaster)) tensors.Add((MasterPrefix + slot.Name, slot.EnsureMaster()));
        SafeTensorsWriter.Write(path, tensors, new Dictionary<string, string>
        {
            ["optimizer"] = "adamw",
            ["step"] = StepCount.ToString(CultureInfo.InvariantCulture),
            ["beta1"] = Format(Beta1),
            ["beta2"] = Format(Beta2),
            ["epsilon"] = Format(Epsilon),
            ["weight_decay"] = Format(WeightDecay),
        });
    }

    /// <summary>
    /// Restores the state written by <see cref="SaveState"/> (same parameter names and shapes), replacing the current one.
    /// The hyper-parameters come from the constructor; the file's are informative. A stored float32 master replaces the
    /// master of a reduced-precision parameter and is rounded into it; without one (a float32 run's state) the master
    /// starts from the parameter's values. Moments load into any precision.
    /// </summary>
    public void LoadState(string path)
    {
        var file = SafeTensorsFile.Open(path);
        if (!file.Metadata.TryGetValue("step", out var stepText) || !long.TryParse(stepText, CultureInfo.InvariantCulture, out var step) || step < 0)
            throw new InvalidDataException($"{path}: not an AdamW state file (metadata 'step' missing or invalid)");
        var known = slots.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var unexpected = file.Entries.Select(e => e.Name)
            .FirstOrDefault(n => !(n.StartsWith(ExpAvgPrefix, StringComparison.Ordinal) && known.Contains(n[ExpAvgPrefix.Length..]))
                && !(n.StartsWith(ExpAvgSqPrefix, StringComparison.Ordinal) && known.Contains(n[ExpAvgSqPrefix.Length..]))
                && !(n.StartsWith(MasterPrefix, StringComparison.Ordinal) && known.Contains(n[MasterPrefix.Length..])));
        if (unexpected is not null) throw new InvalidDataException($"{path}: tensor '{unexpected}' matches no optimised parameter");
        foreach (var slot in slots)
        {
            var hasFirst = file.ByName.TryGetValue(ExpAvgPrefix + slot.Name, out var first);
            var hasSecond = file.ByName.TryGetValue(ExpAvgSqPrefix + slot.Name, out var second);
            if (hasFirst != hasSecond) throw new InvalidDataException($"{path}: parameter '{slot.Name}' has only one of its two moments");
            slot.ZeroGrad();
            slot.ResetMoments();
            if (slot.HasMaster && file.ByName.TryGetValue(MasterPrefix + slot.Name, out var master))
                slot.RestoreMaster(target => file.ReadInto(master, target));
            if (!hasFirst) continue;
            slot.EnsureMoments();
            file.ReadInto(first!, slot.ExpAvg!);
            file.ReadInto(second!, slot.ExpAvgSq!);
        }
        StepCount = step;
    }
}
