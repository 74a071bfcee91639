using System.Text.Json;
using System.Text.Json.Serialization;

namespace PrefSharp.Core.Ranking;

/// <summary>
/// A fitted leaderboard, best first. Serialises with System.Text.Json as
/// <c>{"model": …, "scale": …, "items": [ {name, rating, rating_lo, …, losses} ]}</c>; the remaining properties
/// describe how it was made and are not serialised.
/// </summary>
public sealed record Leaderboard
{
    /// <summary>The model's CLI name ("bt", "elo", …).</summary>
    [JsonPropertyName("model")] public required string Model { get; init; }

    /// <summary>"elo", "logit" or "probit".</summary>
    [JsonPropertyName("scale")] public required string Scale { get; init; }

    [JsonPropertyName("items")] public required IReadOnlyList<LeaderboardItem> Items { get; init; }

    [JsonIgnore] public string? Baseline { get; init; }
    [JsonIgnore] public IntervalMethod Intervals { get; init; }
    [JsonIgnore] public double CiLevel { get; init; }
    [JsonIgnore] public int BootstrapRounds { get; init; }

    /// <summary>Bootstrap rounds refitted with the weak fallback prior (no finite estimate in that resample).</summary>
    [JsonIgnore] public int DegenerateRounds { get; init; }

    /// <summary>Rao–Kupper θ or Davidson ν; null for models without a tie parameter.</summary>
    [JsonIgnore] public double? TieParameter { get; init; }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public string ToJson(bool indented = true) => JsonSerializer.Serialize(this, indented ? Indented : JsonSerializerOptions.Default);

    public static Leaderboard FromJson(string json) =>
        JsonSerializer.Deserialize<Leaderboard>(json) ?? throw new JsonException("A leaderboard object was expected.");

    /// <summary>The row of the named item.</summary>
    public LeaderboardItem this[string name] =>
        Items.FirstOrDefault(item => item.Name == name) ?? throw new KeyNotFoundException($"No item '{name}' in the leaderboard.");
}
