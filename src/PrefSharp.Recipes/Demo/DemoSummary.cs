using System.Text.Json;
using System.Text.Json.Serialization;
using PrefSharp.Core.Data;
using PrefSharp.Core.Ranking;

namespace PrefSharp.Recipes.Demo;

/// <summary>
/// summary.json of a demo run: <c>{"world", "seed", "stages": [ DemoStage… ], "leaderboard": [ LeaderboardItem… ]}</c>.
/// The leaderboard ranks the trained policies against the demonstration quality levels when the demo's end stage
/// built one (<see cref="DemoProducts.PolicyLeaderboard"/>), else the demonstration quality levels alone.
/// </summary>
public sealed record DemoSummary
{
    [JsonPropertyName("world")] public required string World { get; init; }
    [JsonPropertyName("seed")] public required int Seed { get; init; }
    [JsonPropertyName("stages")] public required IReadOnlyList<DemoStage> Stages { get; init; }
    [JsonPropertyName("leaderboard")] public required IReadOnlyList<LeaderboardItem> Leaderboard { get; init; }

    /// <summary>Mean gold utility of each leaderboard policy's responses (for the report, not written).</summary>
    [JsonIgnore] public IReadOnlyDictionary<string, double> PolicyGold { get; init; } = new Dictionary<string, double>();

    /// <summary>What the leaderboard ranks and how it was judged (for the report, not written); empty: the demonstration levels.</summary>
    [JsonIgnore] public string LeaderboardNote { get; init; } = "";

    /// <summary>Gold and proxy against KL across policies (for the report, not written); null: drawn from the stage rows.</summary>
    [JsonIgnore] public DemoChart? OverOptimisation { get; init; }

    /// <summary>How the data were made, one sentence each (for the report, not written).</summary>
    [JsonIgnore] public IReadOnlyList<string> DataNotes { get; init; } = [];

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public string ToJson() => JsonSerializer.Serialize(this, Indented);

    public static DemoSummary FromJson(string json) =>
        JsonSerializer.Deserialize<DemoSummary>(json) ?? throw new JsonException("summary.json: an object was expected");

    /// <summary>Writes summary.json atomically.</summary>
    public void Write(string path) => AtomicFile.WriteAllText(path, ToJson() + "\n");
}
