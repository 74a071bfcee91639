using System.Text.Json.Serialization;
using PrefSharp.Core.Metrics;
using PrefSharp.Core.Ranking;

namespace PrefSharp.Server.Arena.Live;

/// <summary>What <c>GET /api/leaderboard</c> returns; <see cref="Problem"/> says why there is no fit yet.</summary>
public sealed record LeaderboardView
{
    [JsonPropertyName("votes")] public int Votes { get; init; }
    [JsonPropertyName("leaderboard")] public Leaderboard? Leaderboard { get; init; }
    [JsonPropertyName("problem")] public string? Problem { get; init; }
    [JsonPropertyName("model_votes")] public required IReadOnlyDictionary<string, int> ModelVotes { get; init; }
    [JsonPropertyName("annotator_votes")] public required IReadOnlyDictionary<string, int> AnnotatorVotes { get; init; }
    [JsonPropertyName("agreement")] public AgreementSummary? Agreement { get; init; }
}
