namespace PrefSharp.Torch.Rewards.Pluralistic;

/// <summary>
/// A pluralistic reward model on disk: the reward model in Hugging Face's seq-cls layout (<see cref="RewardCheckpoint"/>,
/// num_labels = D) and the user mixture beside it in <see cref="PluralisticHead.FileName"/>.
/// </summary>
public static class PluralisticCheckpoint
{
    /// <summary>True when <paramref name="directory"/> holds a pluralistic head.</summary>
    public static bool IsPluralistic(string directory) => File.Exists(Path.Combine(directory, PluralisticHead.FileName));

    /// <summary>Writes both parts.</summary>
    public static void Save(PluralisticRewardModel model, string directory)
    {
        RewardCheckpoint.Save(model.Model, directory);
        model.Head.Save(directory);
    }

    /// <summary>Loads both parts into an existing model of the same layout (resuming training).</summary>
    public static void LoadWeights(PluralisticRewardModel model, string directory)
    {
        RewardCheckpoint.LoadWeights(model.Model, directory);
        using var loaded = PluralisticHead.Load(directory, model.Model.Config.NumLabels, model.Model.Config.Backbone.HiddenSize);
        using var noGrad = TorchSharp.torch.no_grad();
        foreach (var ((_, target), (_, source)) in model.Head.named_parameters().Zip(loaded.named_parameters())) target.copy_(source);
    }

    /// <summary>Loads a model written by <see cref="Save"/>.</summary>
    public static PluralisticRewardModel Load(string directory)
    {
        var model = RewardCheckpoint.Load(directory);
        try
        {
            return new PluralisticRewardModel(model, PluralisticHead.Load(directory, model.Config.NumLabels, model.Config.Backbone.HiddenSize));
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }
}
