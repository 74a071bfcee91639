using System.Text.Json.Serialization;

namespace PrefSharp.Recipes.Demo;

/// <summary>How a demo stage ended; written as "ok", "not-available" or "failed".</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DemoStageStatus>))]
public enum DemoStageStatus
{
    [JsonStringEnumMemberName("ok")] Ok,
    /// <summary>The stage's method is not built (yet) in this PrefSharp.</summary>
    [JsonStringEnumMemberName("not-available")] NotAvailable,
    [JsonStringEnumMemberName("failed")] Failed,
}
