using System.Collections.Concurrent;
using System.Diagnostics;
using PrefSharp.Server.Arena.Client;

namespace PrefSharp.Bench.Benchmarks.Arena;

/// <summary>
/// Annotators voting as fast as the server acknowledges, together casting a fixed number of votes. A vote counts once
/// its receipt arrives; every tenth is submitted twice (a retry) and must come back as a duplicate. When the server is
/// down, a voter retries the same pair (its id makes the retry count once) until the server is back.
/// </summary>
internal sealed class ArenaVoters(IReadOnlyList<ArenaClient> clients, int votes)
{
    private static readonly string[] Outcomes = ["a", "b", "tie"];
    private int claimed;

    /// <summary>Ids of the acknowledged pairs.</summary>
    public ConcurrentDictionary<string, bool> Acknowledged { get; } = new();

    /// <summary>Milliseconds from sending a vote to its receipt, for votes acknowledged at the first try.</summary>
    public ConcurrentBag<double> Latencies { get; } = [];

    public int DuplicatesNotRecognised;

    public Task RunAsync() => Task.WhenAll(clients.Select(VoteAsync));

    private async Task VoteAsync(ArenaClient client, int index)
    {
        var random = new Random(index);
        while (Interlocked.Increment(ref claimed) <= votes)
        {
            var pair = await Retry(() => client.NextAsync());
            var outcome = Outcomes[random.Next(Outcomes.Length)];
            var watch = Stopwatch.StartNew();
            var first = true;
            var receipt = await Retry(async () =>
            {
                try { return await client.VoteAsync(pair.PairId, outcome); }
                catch { first = false; throw; }
            });
            if (first) Latencies.Add(watch.Elapsed.TotalMilliseconds);
            if (!Acknowledged.TryAdd(receipt.PairId, true)) throw new InvalidOperationException($"pair {receipt.PairId} acknowledged twice");
            if (random.Next(10) == 0 && !(await Retry(() => client.VoteAsync(pair.PairId, outcome))).Duplicate)
                Interlocked.Increment(ref DuplicatesNotRecognised);
        }
    }

    /// <summary>Retries while the server is unreachable (killed and restarting); gives up after a minute.</summary>
    private static async Task<T> Retry<T>(Func<Task<T>> call)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            try { return await call(); }
            catch (HttpRequestException failure) when (failure.StatusCode is null && DateTime.UtcNow < deadline) { await Task.Delay(20); }
        }
    }
}
