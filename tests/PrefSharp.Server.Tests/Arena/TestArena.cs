using PrefSharp.Server.Arena;
using PrefSharp.Server.Arena.Client;
using PrefSharp.Server.Arena.Content;

namespace PrefSharp.Server.Tests.Arena;

/// <summary>An arena on a free loopback port with its database in a fresh temporary folder, deleted on disposal.</summary>
internal sealed class TestArena : IAsyncDisposable
{
    private readonly List<ArenaClient> clients = [];

    private TestArena(ArenaServer server, string folder) => (Server, Folder) = (server, folder);

    public ArenaServer Server { get; }
    public string Folder { get; }
    public Uri BaseUrl => Server.BaseUrl;
    public string AdminToken { get; private init; } = "";

    /// <summary>Two prompts answered by three models, with the given texts.</summary>
    public static ArenaContent SmallContent(string prompt = "Sort 312", string answer = "123") => new(
    [
        new ArenaQuestion("q1", prompt, new Dictionary<string, string> { ["alpha"] = answer, ["beta"] = "213", ["gamma"] = "321" }),
        new ArenaQuestion("q2", "Sort 21", new Dictionary<string, string> { ["alpha"] = "12", ["beta"] = "21", ["gamma"] = "2 1" }),
    ]);

    public static async Task<TestArena> StartAsync(ArenaContent? content = null, ArenaOptions? options = null)
    {
        var folder = Directory.CreateTempSubdirectory("prefsharp-arena-").FullName;
        options = (options ?? new ArenaOptions()) with { Port = 0, Database = Path.Combine(folder, "arena.db") };
        var server = await ArenaServer.StartAsync(options, content ?? SmallContent());
        return new TestArena(server, folder) { AdminToken = server.NewAdminToken! };
    }

    /// <summary>A new annotator, joined through an invite link.</summary>
    public async Task<ArenaClient> AnnotatorAsync(string name)
    {
        var client = new ArenaClient(BaseUrl);
        clients.Add(client);
        await client.JoinAsync(await ArenaClient.InviteAsync(BaseUrl, AdminToken, name));
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in clients) client.Dispose();
        await Server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
