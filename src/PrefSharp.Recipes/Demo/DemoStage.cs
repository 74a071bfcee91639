using System.Text.Json.Serialization;

namespace PrefSharp.Recipes.Demo;

/// <summary>
/// The result of one demo stage (sft, reward-model, dpo, grpo, pref-grpo, …), a row of summary.json:
/// <c>{"name", "status", "seconds", "gold_utility", "proxy_reward", "kl", "metrics": {…}}</c>. Gold utility, proxy
/// reward and KL (from the reference policy, nats) are those of the stage's final policy, null where they do not apply.
/// <see cref="Narrative"/> and <see cref="Charts"/> go to the HTML report only.
/// </summary>
public sealed record DemoStage
{
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("status")] public required DemoStageStatus Status { get; init; }
    [JsonPropertyName("seconds")] public double Seconds { get; init; }
    [JsonPropertyName("gold_utility")] public double? GoldUtility { get; init; }
    [JsonPropertyName("proxy_reward")] public double? ProxyReward { get; init; }
    [JsonPropertyName("kl")] public double? Kl { get; init; }
    [JsonPropertyName("metrics")] public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>A paragraph for the report: what the stage did and what happened, readable without the console.</summary>
    [JsonIgnore] public string Narrative { get; init; } = "";

    /// <summary>Curves for the report.</summary>
    [JsonIgnore] public IReadOnlyList<DemoChart> Charts { get; init; } = [];

    /// <summary>A stage whose method is not available in this build, with the reason.</summary>
    public static DemoStage NotAvailable(string name, string reason) => new() { Name = name, Status = DemoStageStatus.NotAvailable, Narrative = reason };
}
