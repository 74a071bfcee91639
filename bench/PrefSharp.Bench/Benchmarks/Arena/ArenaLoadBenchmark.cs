using System.Diagnostics;
using Microsoft.Data.Sqlite;
using PrefSharp.Core.Ranking;
using PrefSharp.Server.Arena.Client;

namespace PrefSharp.Bench.Benchmarks.Arena;

/// <summary>
/// <c>prefsharp arena</c> in a child process under load: 20 annotators cast 1,000 votes on loopback (each on disk,
/// <c>synchronous=FULL</c>, before its receipt). Load: p50 and p99 acknowledgement latency against the same clients'
/// round trip of <c>GET /api/me</c> (a read, no disk write) as the bound; votes/s against half the disk's rate of
/// synchronous single-row commits (a vote needs two); votes counted in SQLite against 1,000. Crash:
/// the server is killed with SIGKILL after 300 acknowledged votes and restarted on the same database while the clients
/// keep retrying; acknowledged votes present in SQLite against acknowledged votes (must be all), and rows against
/// acknowledged votes (more would be a doubled vote).
/// </summary>
public sealed class ArenaLoadBenchmark : IBenchmark
{
    private const int Clients = 20;
    private const int Votes = 1000;
    private const int KillAfter = 300;

    public string Name => "arena-load";

    public string Description => "arena: 20 clients, 1,000 votes; ack latency p50/p99 (bound: GET round trip); votes in SQLite after kill -9 and restart";

    public IEnumerable<BenchResult> Run(BenchContext context) => RunAsync(context).GetAwaiter().GetResult();

    private async Task<List<BenchResult>> RunAsync(BenchContext context)
    {
        var results = new List<BenchResult>();
        var load = Path.Combine(context.ScratchDirectory, "arena-load.db");
        using (var server = await ArenaProcess.StartAsync(load, ArenaProcess.FreePort()))
        {
            var clients = await Join(server);
            var reads = await ReadLatencies(clients);
            var voters = new ArenaVoters(clients, Votes);
            var watch = Stopwatch.StartNew();
            await voters.RunAsync();
            context.Log($"load: {Votes} votes in {watch.Elapsed.TotalSeconds:F1} s ({Votes / watch.Elapsed.TotalSeconds:F0} votes/s)");
            var latencies = voters.Latencies.Order().ToArray();
            foreach (var (metric, q) in (ValueTuple<string, double>[])[("vote_ack_p50", 0.5), ("vote_ack_p99", 0.99)])
                results.Add(new(Name, metric, Percentiles.Linear(latencies, q), "ms", Percentiles.Linear(reads, q), Percentiles.Linear(latencies, q) / Percentiles.Linear(reads, q)));
            var rate = Votes / watch.Elapsed.TotalSeconds;
            var bound = CommitsPerSecond(Path.Combine(context.ScratchDirectory, "commits.db")) / 2;
            results.Add(new(Name, "votes_per_second", rate, "votes/s", bound, rate / bound));
            results.Add(new(Name, "duplicates_not_recognised", voters.DuplicatesNotRecognised, "votes", 0, 0));
            foreach (var client in clients) client.Dispose();
            server.Kill();
            results.Add(Count("load_votes_in_sqlite", load, Votes));
        }
        results.AddRange(await Crash(context));
        return results;
    }

    private async Task<List<BenchResult>> Crash(BenchContext context)
    {
        var database = Path.Combine(context.ScratchDirectory, "arena-crash.db");
        var port = ArenaProcess.FreePort();
        var server = await ArenaProcess.StartAsync(database, port);
        var clients = await Join(server);
        var voters = new ArenaVoters(clients, Votes);
        var voting = voters.RunAsync();
        while (voters.Acknowledged.Count < KillAfter) await Task.Delay(5);
        server.Kill();
        var atKill = voters.Acknowledged.Count;
        server.Dispose();
        server = await ArenaProcess.StartAsync(database, port);
        context.Log($"crash: killed after {atKill} acknowledged votes, restarted on port {port}");
        await voting;
        server.Dispose();
        foreach (var client in clients) client.Dispose();
        var acknowledged = voters.Acknowledged.Keys.ToList();
        return
        [
            new(Name, "crash_votes_acknowledged_before_kill", atKill, "votes", KillAfter, (double)atKill / KillAfter),
            Count("crash_votes_in_sqlite", database, acknowledged.Count),
            new(Name, "crash_acknowledged_votes_present", Present(database, acknowledged), "votes", acknowledged.Count, Present(database, acknowledged) / (double)acknowledged.Count),
        ];
    }

    private static async Task<List<ArenaClient>> Join(ArenaProcess server)
    {
        var clients = new List<ArenaClient>();
        for (var i = 0; i < Clients; i++)
        {
            var client = new ArenaClient(server.BaseUrl);
            await client.JoinAsync(await ArenaClient.InviteAsync(server.BaseUrl, server.AdminToken!, $"annotator-{i:D2}"));
            clients.Add(client);
        }
        return clients;
    }

    /// <summary>Round trips of <c>GET /api/me</c> by all clients at once, 50 each, sorted (ms).</summary>
    private static async Task<double[]> ReadLatencies(IReadOnlyList<ArenaClient> clients)
    {
        var times = await Task.WhenAll(clients.Select(async client =>
        {
            var own = new List<double>();
            for (var i = 0; i < 50; i++)
            {
                var watch = Stopwatch.StartNew();
                await client.Http.GetStringAsync("api/me");
                own.Add(watch.Elapsed.TotalMilliseconds);
            }
            return own;
        }));
        return times.SelectMany(t => t).Order().ToArray();
    }

    private BenchResult Count(string metric, string database, int expected)
    {
        var rows = Rows(database).Count;
        return new(Name, metric, rows, "votes", expected, rows / (double)expected);
    }

    private static int Present(string database, IEnumerable<string> acknowledged) => acknowledged.Count(Rows(database).Contains);

    /// <summary>
    /// Single-row transactions per second on this disk with the arena's pragmas (WAL, synchronous=FULL), one writer.
    /// A vote takes two (its pair is stored when served, the vote when cast), so half of it bounds votes/s.
    /// </summary>
    private static double CommitsPerSecond(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)";
        command.ExecuteNonQuery();
        command.CommandText = "INSERT INTO t (v) VALUES ('vote')";
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 300; i++) command.ExecuteNonQuery();
        return 300 / watch.Elapsed.TotalSeconds;
    }

    private static HashSet<string> Rows(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT pair_id FROM votes";
        using var reader = command.ExecuteReader();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read()) ids.Add(reader.GetString(0));
        return ids;
    }
}
