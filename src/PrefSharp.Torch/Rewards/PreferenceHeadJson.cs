using System.Text.Json.Nodes;

namespace PrefSharp.Torch.Rewards;

/// <summary>
/// The <c>config.json</c> keys of preference heads, which transformers keeps as plain attributes:
/// <c>prefsharp_preference_head</c> ("gpm" for a General Preference Model; absent for a scalar reward),
/// <c>prefsharp_gpm_prompt_gate</c> (bool), <c>prefsharp_gpm_beta</c> (β), <c>prefsharp_gpm_normalize</c> (bool), and <c>prefsharp_tie_threshold</c>
/// (the Rao–Kupper η of a model trained on ties). A GPM's <c>num_labels</c> is its embedding width 2k.
/// </summary>
public static class PreferenceHeadJson
{
    public const string HeadKey = "prefsharp_preference_head";
    public const string PromptGateKey = "prefsharp_gpm_prompt_gate";
    public const string BetaKey = "prefsharp_gpm_beta";
    public const string NormalizeKey = "prefsharp_gpm_normalize";
    public const string TieThresholdKey = "prefsharp_tie_threshold";

    /// <summary>Adds the keys of <paramref name="config"/> to <paramref name="json"/>.</summary>
    public static void Write(RewardModelConfig config, JsonObject json)
    {
        if (config.GeneralPreference is { } gpm)
        {
            json[HeadKey] = "gpm";
            json[PromptGateKey] = gpm.PromptGate;
            json[BetaKey] = gpm.Beta;
            json[NormalizeKey] = gpm.Normalize;
        }
        if (config.TieThreshold is { } eta) json[TieThresholdKey] = eta;
    }

    /// <summary><paramref name="config"/> with the preference-head fields <paramref name="json"/> holds.</summary>
    public static RewardModelConfig Read(JsonObject json, string source, RewardModelConfig config)
    {
        var head = json[HeadKey]?.GetValue<string>();
        if (head is not (null or "gpm"))
            throw new ArgumentException($"{source}: {HeadKey} must be \"gpm\" (or absent for a scalar reward), found \"{head}\"", HeadKey);
        var defaults = new GeneralPreferenceConfig();
        return config with
        {
            GeneralPreference = head is null ? null : new GeneralPreferenceConfig
            {
                PromptGate = json[PromptGateKey]?.GetValue<bool>() ?? defaults.PromptGate,
                Beta = json[BetaKey]?.GetValue<double>() ?? defaults.Beta,
                Normalize = json[NormalizeKey]?.GetValue<bool>() ?? defaults.Normalize,
            },
            TieThreshold = json[TieThresholdKey]?.GetValue<double>(),
        };
    }
}
