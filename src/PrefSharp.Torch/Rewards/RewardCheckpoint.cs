using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Rewards;

/// <summary>
/// Reward models as Hugging Face sequence-classification checkpoints: <c>config.json</c>
/// (<see cref="RewardModelConfigJson"/>) plus <c>model.safetensors</c> holding <c>model.*</c> or <c>transformer.*</c>
/// and <c>score.*</c>. A checkpoint written by transformers' <c>LlamaForSequenceClassification.save_pretrained</c>
/// (and the Qwen2 and GPT-2 variants) loads here, and one saved here loads there (linear head).
/// </summary>
public static class RewardCheckpoint
{
    /// <summary>Writes config and weights atomically; <paramref name="maxShardBytes"/> &gt; 0 shards the weights.</summary>
    public static void Save(RewardModel model, string directory, long maxShardBytes = 0)
    {
        Directory.CreateDirectory(directory);
        RewardModelConfigJson.Save(model.Config, Path.Combine(directory, ModelConfigJson.FileName), ComputeTarget.Of(model).DType);
        Checkpoint.SaveWeights(model, directory, maxShardBytes);
    }

    /// <summary>Builds the reward model <c>config.json</c> describes on <paramref name="target"/> (null: <see cref="ComputeTarget.Default"/>) and loads its weights.</summary>
    public static RewardModel Load(string directory, ComputeTarget? target = null)
    {
        var config = RewardModelConfigJson.Load(Path.Combine(directory, ModelConfigJson.FileName));
        var model = new RewardModel(config);
        try
        {
            (target ?? ComputeTarget.Default).Apply(model);
            Checkpoint.LoadWeights(model, directory, Checkpoint.BaseModelPrefix(config.Backbone.Family),
                name => Checkpoint.IsIgnorable(name, config.Backbone with { TieWordEmbeddings = true }), "reward model");
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>Loads the weights saved in <paramref name="directory"/> into an existing <paramref name="model"/> of the same layout.</summary>
    public static void LoadWeights(RewardModel model, string directory) =>
        Checkpoint.LoadWeights(model, directory, Checkpoint.BaseModelPrefix(model.Config.Backbone.Family),
            name => Checkpoint.IsIgnorable(name, model.Config.Backbone with { TieWordEmbeddings = true }), "reward model");

    /// <summary>
    /// A reward model initialised from a causal-LM checkpoint (for example an SFT model): its backbone weights are
    /// loaded, its <c>lm_head</c> is dropped, and the head is fresh (seed with <c>torch.manual_seed</c>); a GPM head when
    /// <paramref name="generalPreference"/> is given (num_labels = 2k).
    /// </summary>
    public static RewardModel FromCausalLM(string directory, RewardHeadKind head = RewardHeadKind.Linear, int numLabels = 1,
        GeneralPreferenceConfig? generalPreference = null)
    {
        var backbone = ModelConfigJson.Load(Path.Combine(directory, ModelConfigJson.FileName));
        var model = new RewardModel(new RewardModelConfig { Backbone = backbone, Head = head, NumLabels = numLabels, GeneralPreference = generalPreference });
        try
        {
            ComputeTarget.Default.Apply(model);
            Checkpoint.LoadWeights(model.Backbone.Module, directory, Checkpoint.BaseModelPrefix(backbone.Family),
                name => name == "lm_head.weight" || Checkpoint.IsIgnorable(name, backbone), "reward model backbone");
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }
}
