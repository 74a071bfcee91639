using System.Text.Json;
using System.Text.Json.Nodes;
using PrefSharp.Core.Data;

namespace PrefSharp.Torch.Rewards.MultiObjective;

/// <summary>
/// The multi-objective keys of a reward model's <c>config.json</c>, added to the sequence-classification config
/// (<see cref="RewardModelConfigJson"/>) so that transformers still loads stage 1 as a <c>*ForSequenceClassification</c>
/// with num_labels = k and the objective names as labels: <c>prefsharp_reward_kind</c> = "multi_objective",
/// <c>prefsharp_objectives</c>, <c>id2label</c>/<c>label2id</c> (the names), <c>prefsharp_verbosity_objective</c>,
/// <c>prefsharp_verbosity_penalties</c>, and for a gated model <c>prefsharp_gating_hidden_size</c>,
/// <c>prefsharp_gating_hidden_layers</c>, <c>prefsharp_gating_temperature</c> (the gate's weights are in
/// <c>gating.safetensors</c>, which transformers ignores).
/// </summary>
public static class MultiObjectiveConfigJson
{
    public const string KindKey = "prefsharp_reward_kind";
    public const string Kind = "multi_objective";
    public const string ObjectivesKey = "prefsharp_objectives";
    public const string VerbosityKey = "prefsharp_verbosity_objective";
    public const string PenaltiesKey = "prefsharp_verbosity_penalties";
    public const string GatingHiddenSizeKey = "prefsharp_gating_hidden_size";
    public const string GatingHiddenLayersKey = "prefsharp_gating_hidden_layers";
    public const string GatingTemperatureKey = "prefsharp_gating_temperature";

    /// <summary>Adds the keys to a reward-model config text.</summary>
    public static string AddTo(string rewardConfigJson, MultiObjectiveConfig config)
    {
        var json = JsonNode.Parse(rewardConfigJson)!.AsObject();
        json[KindKey] = Kind;
        json[ObjectivesKey] = new JsonArray(config.Objectives.Select(o => (JsonNode?)JsonValue.Create(o)).ToArray());
        var id2label = new JsonObject();
        var label2id = new JsonObject();
        for (var i = 0; i < config.Objectives.Count; i++)
        {
            id2label[$"{i}"] = config.Objectives[i];
            label2id[config.Objectives[i]] = i;
        }
        json["id2label"] = id2label;
        json["label2id"] = label2id;
        if (config.VerbosityObjective is { } verbosity)
        {
            json[VerbosityKey] = verbosity;
            json[PenaltiesKey] = new JsonArray(config.VerbosityPenalties!.Select(p => (JsonNode?)JsonValue.Create(p)).ToArray());
        }
        if (config.Gating is { } gating)
        {
            json[GatingHiddenSizeKey] = gating.HiddenSize;
            json[GatingHiddenLayersKey] = gating.HiddenLayers;
            json[GatingTemperatureKey] = gating.Temperature;
        }
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    /// <summary>True when the config names itself multi-objective.</summary>
    public static bool IsMultiObjective(string configJson) =>
        JsonNode.Parse(configJson)?[KindKey]?.GetValue<string>() == Kind;

    /// <summary>The multi-objective part of a config (validated against num_labels); errors name <paramref name="source"/> and the key.</summary>
    public static MultiObjectiveConfig Parse(string configJson, int numLabels, string source)
    {
        try
        {
            var json = JsonNode.Parse(configJson)!.AsObject();
            if (json[KindKey]?.GetValue<string>() != Kind)
                throw new ArgumentException($"{KindKey} is not \"{Kind}\": this is not a multi-objective reward model", KindKey);
            var objectives = (json[ObjectivesKey] as JsonArray ?? throw new ArgumentException($"{ObjectivesKey} is missing", ObjectivesKey))
                .Select(n => n!.GetValue<string>()).ToArray();
            var penalties = (json[PenaltiesKey] as JsonArray)?.Select(n => n!.GetValue<double>()).ToArray();
            GatingShape? gating = json[GatingHiddenSizeKey] is null ? null : new GatingShape(
                json[GatingHiddenSizeKey]!.GetValue<int>(), json[GatingHiddenLayersKey]?.GetValue<int>() ?? 3,
                json[GatingTemperatureKey]?.GetValue<double>() ?? 10);
            return new MultiObjectiveConfig
            {
                Objectives = objectives, VerbosityObjective = json[VerbosityKey]?.GetValue<string>(), VerbosityPenalties = penalties, Gating = gating,
            }.Validate(numLabels);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or JsonException)
        {
            throw new ArgumentException($"{source}: {e.Message}", e);
        }
    }

    /// <summary>Rewrites <paramref name="path"/> (a reward-model config.json) with the keys, atomically.</summary>
    public static void AddToFile(string path, MultiObjectiveConfig config) => AtomicFile.WriteAllText(path, AddTo(File.ReadAllText(path), config));
}
