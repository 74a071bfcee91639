using System.Text.Json;
using PrefSharp.Server.Arena.Auth;
using PrefSharp.Server.Arena.Live;
using PrefSharp.Server.Arena.Pairing;
using PrefSharp.Server.Arena.Storage;

namespace PrefSharp.Server.Arena;

/// <summary>What the arena's endpoints share.</summary>
internal sealed record ArenaServices(ArenaOptions Options, ArenaStore Store, ArenaAuth Auth, PairChooser Pairs, LiveLeaderboard Leaderboard)
{
    /// <summary>Responses in snake_case, as the pages read them.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}
