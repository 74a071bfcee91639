using System.Net.Http.Headers;
using System.Text.Json;
using PrefSharp.Core.Data;
using PrefSharp.Core.Gym;
using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Server.Arena;
using PrefSharp.Server.Arena.Client;
using PrefSharp.Server.Arena.Content;

namespace PrefSharp.Cli.Tests;

/// <summary>`prefsharp arena`: its exports give `prefsharp rank` the live page's leaderboard; unsafe settings are refused.</summary>
public sealed class ArenaCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("prefsharp-arena-cli-").FullName;

    [Fact]
    public async Task Exported_battles_and_arena_jsonl_give_rank_the_leaderboard_of_the_live_page_and_style_control_its_features()
    {
        var content = ArenaContent.FromGym(WorldCatalog.Get("lexicon"), prompts: 5, seed: 1);
        await using var server = await ArenaServer.StartAsync(new ArenaOptions { Port = 0, Database = Path.Combine(folder, "arena.db") }, content);
        var arena = new SimulatedArena([-1.0, -0.5, 0, 0.5, 1]) { Questions = 5 };
        server.Store.Import([.. arena.Battles(300, seed: 3).Select(b => WithTexts(b, content))]);
        using var annotator = new ArenaClient(server.BaseUrl);
        await annotator.JoinAsync(await ArenaClient.InviteAsync(server.BaseUrl, server.NewAdminToken!, "alice"));
        foreach (var outcome in (string[])["a", "b", "tie", "both_bad", "a"])
            await annotator.VoteAsync((await annotator.NextAsync()).PairId, outcome, "because");

        using var live = JsonDocument.Parse(await annotator.Http.GetStringAsync("api/leaderboard"));
        var battles = await Export(server, "battles");
        var chatbotArena = await Export(server, "arena");
        var trl = await Export(server, "trl");

        var expected = JsonSerializer.Serialize(live.RootElement.GetProperty("leaderboard").GetProperty("items"));
        Assert.Equal(expected, Items(CliRun.Of("rank", battles, "--output", "json")));
        Assert.Equal(expected, Items(CliRun.Of("rank", chatbotArena, "--output", "json")));
        var styled = CliRun.Of("rank", battles, "--style-control", "--bootstrap", "100", "--output", "json");
        Assert.True(styled.ExitCode == 0, styled.Error);
        var pairs = PreferenceFileReader.ReadAll(trl).Cast<PreferencePair>().ToList();
        Assert.Equal(server.Store.Votes().Count(v => v.Outcome is "a" or "b" && v.TextA != v.TextB), pairs.Count);
        Assert.All(pairs, p => Assert.Contains(content.Questions.Values, q => q.Prompt == p.Prompt.Text
            && q.Answers[p.ChosenModel!] == p.Chosen.Text && q.Answers[p.RejectedModel!] == p.Rejected.Text));
    }

    [Fact]
    public void A_public_host_without_tls_or_insecure_http_is_a_one_line_error()
    {
        var run = CliRun.Of("arena", "--host", "0.0.0.0", "--db", Path.Combine(folder, "never.db"));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--tls-cert", run.Error);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.False(File.Exists(Path.Combine(folder, "never.db")));
    }

    /// <summary>A simulated battle as one of the arena's: model-0k is the k-th gym policy, question q000i the i-th prompt, with their texts.</summary>
    private static Battle WithTexts(Battle battle, ArenaContent content)
    {
        var question = content.Questions[$"lexicon-{int.Parse(battle.QuestionId![1..]):D4}"];
        var (a, b) = (content.Models[int.Parse(battle.ItemA[^2..])], content.Models[int.Parse(battle.ItemB[^2..])]);
        return battle with
        {
            ItemA = a, ItemB = b, QuestionId = question.Id, Prompt = Passage.FromText(question.Prompt),
            TextA = Passage.FromText(question.Answers[a]), TextB = Passage.FromText(question.Answers[b]),
        };
    }

    private async Task<string> Export(ArenaServer server, string format)
    {
        using var http = new HttpClient { BaseAddress = server.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/admin/export/{format}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", server.NewAdminToken);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var path = Path.Combine(folder, format + ".jsonl");
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        return path;
    }

    private static string Items(CliRun run)
    {
        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        return JsonSerializer.Serialize(json.RootElement.GetProperty("items"));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
