using PrefSharp.Torch.Checkpoints;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Rewards.MultiObjective;

/// <summary>
/// Multi-objective reward models on disk: the stage-1 model as a Hugging Face sequence-classification checkpoint
/// (<see cref="RewardCheckpoint"/>, num_labels = k, labels named after the objectives, loadable by transformers), the
/// keys of <see cref="MultiObjectiveConfigJson"/> in its <c>config.json</c>, and the gate in <c>gating.safetensors</c>
/// (<c>gating.layers.{i}.weight/bias</c>, <c>gating.logit_scale</c>, <c>gating.input_mean</c>, <c>gating.input_std</c>).
/// </summary>
public static class MultiObjectiveCheckpoint
{
    /// <summary>The gate's weights file.</summary>
    public const string GatingFileName = "gating.safetensors";

    private const string GatingPrefix = "gating.";

    /// <summary>True when <paramref name="directory"/>'s config.json names a multi-objective model.</summary>
    public static bool IsMultiObjective(string directory)
    {
        var path = Path.Combine(directory, ModelConfigJson.FileName);
        return File.Exists(path) && MultiObjectiveConfigJson.IsMultiObjective(File.ReadAllText(path));
    }

    /// <summary>Writes model, config keys and (after stage 2) the gate; the gate file is removed for a stage-1 model.</summary>
    public static void Save(MultiObjectiveRewardModel model, string directory)
    {
        RewardCheckpoint.Save(model.Model, directory);
        MultiObjectiveConfigJson.AddToFile(Path.Combine(directory, ModelConfigJson.FileName), model.Config);
        var gatingPath = Path.Combine(directory, GatingFileName);
        if (model.Gating is null)
        {
            File.Delete(gatingPath);
            return;
        }
        var temporary = gatingPath + ".tmp";
        SafeTensorsWriter.Write(temporary, model.Gating.state_dict().Select(p => (GatingPrefix + p.Key, p.Value.detach())));
        File.Move(temporary, gatingPath, overwrite: true);
    }

    /// <summary>Loads a model <see cref="Save"/> wrote (a gate when the config describes one).</summary>
    public static MultiObjectiveRewardModel Load(string directory)
    {
        var configPath = Path.Combine(directory, ModelConfigJson.FileName);
        var model = RewardCheckpoint.Load(directory);
        ObjectiveGating? gating = null;
        try
        {
            var config = MultiObjectiveConfigJson.Parse(File.ReadAllText(configPath), model.Config.NumLabels, configPath);
            if (config.Gating is { } shape)
            {
                gating = new ObjectiveGating(model.Config.Backbone.HiddenSize, config.Objectives.Count, shape.HiddenSize, shape.HiddenLayers, shape.Temperature);
                LoadGating(gating, Path.Combine(directory, GatingFileName));
            }
            return new MultiObjectiveRewardModel(model, config, gating);
        }
        catch
        {
            model.Dispose();
            gating?.Dispose();
            throw;
        }
    }

    private static void LoadGating(ObjectiveGating gating, string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: the config describes a gating network but its weights are missing", path);
        var file = SafeTensorsFile.Open(path);
        var parameters = gating.state_dict().ToDictionary(p => GatingPrefix + p.Key, p => p.Value);
        var stored = file.Entries.Select(e => e.Name).ToHashSet();
        if (!stored.SetEquals(parameters.Keys))
            throw new InvalidDataException($"{path}: expected tensors {string.Join(", ", parameters.Keys.Order())}, found {string.Join(", ", stored.Order())}");
        foreach (var entry in file.Entries)
        {
            if (!parameters[entry.Name].shape.SequenceEqual(entry.Shape))
                throw new InvalidDataException($"{path}: tensor '{entry.Name}' has shape {entry.ShapeText}, expected {SafeTensorsEntry.FormatShape(parameters[entry.Name].shape)}");
            file.ReadInto(entry, parameters[entry.Name]);
        }
    }
}
