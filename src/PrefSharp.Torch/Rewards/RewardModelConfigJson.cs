using System.Text.Json;
using System.Text.Json.Nodes;
using PrefSharp.Core.Data;
using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Models;

namespace PrefSharp.Torch.Rewards;

/// <summary>
/// A reward model's <c>config.json</c>: the backbone's Hugging Face config with the sequence-classification fields
/// (<c>architectures</c> = <c>LlamaForSequenceClassification</c> / <c>Qwen2ForSequenceClassification</c> /
/// <c>GPT2ForSequenceClassification</c>, <c>num_labels</c>, <c>id2label</c>, <c>label2id</c>) and PrefSharp's keys,
/// which transformers keeps as plain attributes: <c>prefsharp_reward_head</c> ("linear" | "mlp"),
/// <c>prefsharp_reward_head_hidden_size</c>, <c>prefsharp_reward_mean</c>, <c>prefsharp_reward_std</c>.
/// When the backbone has no <c>pad_token_id</c>, the first end-of-sequence id is written as one (transformers refuses
/// batches of more than one sequence without it; PrefSharp itself pools with the attention mask).
/// GPM heads and Rao–Kupper thresholds add the keys of <see cref="PreferenceHeadJson"/>.
/// A config without them (any Hugging Face seq-cls checkpoint) reads as a linear head with mean 0, std 1.
/// </summary>
public static class RewardModelConfigJson
{
    public const string HeadKey = "prefsharp_reward_head";
    public const string HeadHiddenSizeKey = "prefsharp_reward_head_hidden_size";
    public const string MeanKey = "prefsharp_reward_mean";
    public const string StdKey = "prefsharp_reward_std";

    /// <summary>The Hugging Face class name of a family's sequence-classification model.</summary>
    public static string Architecture(ModelFamily family) => family switch
    {
        ModelFamily.Gpt2 => "GPT2ForSequenceClassification",
        ModelFamily.Llama => "LlamaForSequenceClassification",
        ModelFamily.Qwen2 => "Qwen2ForSequenceClassification",
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, "unknown model family"),
    };

    /// <summary>The config as indented JSON text; <c>torch_dtype</c> names <paramref name="dtype"/>, the type of the stored weights.</summary>
    public static string Serialize(RewardModelConfig config, TorchSharp.torch.ScalarType dtype = TorchSharp.torch.ScalarType.Float32)
    {
        var json = JsonNode.Parse(ModelConfigJson.Serialize(config.Backbone, dtype))!.AsObject();
        json["architectures"] = new JsonArray(Architecture(config.Backbone.Family));
        json["num_labels"] = config.NumLabels;
        if (config.Backbone.PadTokenId is null && config.Backbone.EosTokenIds.Count > 0)
            json["pad_token_id"] = config.Backbone.EosTokenIds[0];   // transformers needs one to score batches
        var id2label = new JsonObject();
        var label2id = new JsonObject();
        for (var i = 0; i < config.NumLabels; i++)
        {
            id2label[$"{i}"] = $"LABEL_{i}";
            label2id[$"LABEL_{i}"] = i;
        }
        json["id2label"] = id2label;
        json["label2id"] = label2id;
        json[HeadKey] = config.Head == RewardHeadKind.Mlp ? "mlp" : "linear";
        if (config.Head == RewardHeadKind.Mlp) json[HeadHiddenSizeKey] = config.ResolvedHeadHiddenSize;
        json[MeanKey] = config.RewardMean;
        json[StdKey] = config.RewardStd;
        PreferenceHeadJson.Write(config, json);
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    /// <summary>Parses a reward-model (or plain Hugging Face seq-cls) config and validates it.</summary>
    public static RewardModelConfig Parse(string text, string source = ModelConfigJson.FileName)
    {
        var backbone = ModelConfigJson.Parse(text, source);
        var json = JsonNode.Parse(text)!.AsObject();
        var labels = json["id2label"] is JsonObject map ? map.Count : 1;
        if (json["num_labels"] is JsonNode numLabels) labels = numLabels.GetValue<int>();
        var head = json[HeadKey]?.GetValue<string>() switch
        {
            null or "linear" => RewardHeadKind.Linear,
            "mlp" => RewardHeadKind.Mlp,
            var other => throw new ArgumentException($"{source}: {HeadKey} must be \"linear\" or \"mlp\", found \"{other}\"", HeadKey),
        };
        return PreferenceHeadJson.Read(json, source, new RewardModelConfig
        {
            Backbone = backbone,
            Head = head,
            HeadHiddenSize = json[HeadHiddenSizeKey]?.GetValue<int>() ?? 0,
            NumLabels = labels,
            RewardMean = json[MeanKey]?.GetValue<double>() ?? 0.0,
            RewardStd = json[StdKey]?.GetValue<double>() ?? 1.0,
        }).Validate();
    }

    /// <summary>Reads a config file.</summary>
    public static RewardModelConfig Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Writes the config file atomically.</summary>
    public static void Save(RewardModelConfig config, string path, TorchSharp.torch.ScalarType dtype = TorchSharp.torch.ScalarType.Float32) =>
        AtomicFile.WriteAllText(path, Serialize(config, dtype));
}
