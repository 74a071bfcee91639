using System.Threading.Channels;
using PrefSharp.Server.OpenAi;
using PrefSharp.Torch.Generation;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Tokenization;
using static TorchSharp.torch;

namespace PrefSharp.Server.Batching;

/// <summary>
/// Continuous batching (<see cref="ContinuousBatch"/>): one worker thread owns the model and a running batch, and at every
/// decoding step the rows that finished leave (their request completes at once) while waiting requests join, in arrival
/// order, as long as the batch holds at most <c>maxBatchRows</c> rows (a request with more rows than that joins only an
/// empty batch). Requests with any sampling settings share the batch (<see cref="RowSampler"/>). At most
/// <c>queueLength</c> requests wait to join; one more is refused with 429. An idle decoder first waits a few
/// milliseconds for requests arriving together, so they are prefilled in one forward.
/// </summary>
public sealed partial class DynamicBatcher : IDisposable
{
    private readonly Channel<GenerationJob> queue = Channel.CreateUnbounded<GenerationJob>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<GenerationJob> held = [];
    private readonly List<BatchRow> rows = [];
    private readonly ContinuousBatch batch;
    private readonly Generator shared = new(unchecked((ulong)Random.Shared.NextInt64()));
    private readonly int[] eosIds;
    private readonly int maxBatchRows;
    private readonly int queueLength;
    private readonly Thread worker;
    private readonly TimeSpan batchWindow;
    private int waiting;

    /// <param name="batchWindow">How long an idle decoder waits after the first request for others that arrive with it
    /// (default 5 ms; none when a batch holds one row).</param>
    public DynamicBatcher(ICausalLM model, ITokenizer tokenizer, int maxBatchRows, int queueLength, bool start = true, TimeSpan? batchWindow = null)
    {
        (this.maxBatchRows, this.queueLength) = (maxBatchRows, queueLength);
        this.batchWindow = batchWindow ?? TimeSpan.FromMilliseconds(5);
        batch = new ContinuousBatch(model);
        eosIds = [.. model.Config.EosTokenIds.Select(id => (int)id)];
        worker = new Thread(Work) { IsBackground = true, Name = "prefsharp-decode" };
        if (start) Start();
    }

    /// <summary>Forwards that prefilled requests joining the batch so far (requests admitted at the same step share one).</summary>
    public int Prefills { get; private set; }

    /// <summary>The most rows decoded together in one step so far.</summary>
    public int LargestBatchRows { get; private set; }

    /// <summary>Rows in the running batch now.</summary>
    internal int RunningRows => rows.Count;

    /// <summary>Starts the worker (only needed when constructed with <c>start: false</c>).</summary>
    public void Start()
    {
        if (!worker.IsAlive) worker.Start();
    }

    /// <summary>Queues <paramref name="job"/>; the task ends with its rows, in order.</summary>
    public Task<IReadOnlyList<GeneratedRow>> Submit(GenerationJob job)
    {
        if (Interlocked.Increment(ref waiting) > queueLength)
        {
            Interlocked.Decrement(ref waiting);
            throw new ApiException(429, $"the server's queue is full ({queueLength} requests waiting); retry later", code: "queue_full",
                type: "rate_limit_error");
        }
        if (!queue.Writer.TryWrite(job)) throw new ApiException(503, "the server is shutting down", type: "server_error");
        return job.Result.Task;
    }

    private void Work()
    {
        while (rows.Count > 0 || held.Count > 0 || queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            if (rows.Count == 0 && held.Count == 0 && maxBatchRows > 1 && batchWindow > TimeSpan.Zero) Thread.Sleep(batchWindow);
            Step();
        }
    }

    public void Dispose()
    {
        queue.Writer.TryComplete();
        if (worker.IsAlive) worker.Join();
        var shutdown = new ApiException(503, "the server is shutting down", type: "server_error");
        while (queue.Reader.TryRead(out var job)) held.Add(job);
        foreach (var job in held) job.Result.TrySetException(shutdown);
        Fail(shutdown, []);
        batch.Dispose();
        shared.Dispose();
    }
}
