using System.Threading.Channels;
using PrefSharp.Server.OpenAi;
using PrefSharp.Torch.Generation;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Tokenization;
using static TorchSharp.torch;

namespace PrefSharp.Server.Batching;

/// <summary>
/// Dynamic batching: requests that are waiting when the decoder becomes free (an idle decoder first waits a few
/// milliseconds for requests arriving together) are decoded together in one left-padded
/// batch through <see cref="BatchGenerator"/> (KV cache), up to <c>maxBatchRows</c> sequences, in arrival order; a job
/// whose sampling settings differ from the batch's first waits for the next batch. At most <c>queueLength</c> jobs wait;
/// one more is refused with 429. One worker thread owns the model, so no two forwards run at once.
/// </summary>
public sealed class DynamicBatcher : IDisposable
{
    private readonly Channel<GenerationJob> queue = Channel.CreateUnbounded<GenerationJob>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<GenerationJob> held = [];
    private readonly ICausalLM model;
    private readonly long padId;
    private readonly int maxBatchRows;
    private readonly int queueLength;
    private readonly Thread worker;
    private readonly TimeSpan batchWindow;
    private int waiting;

    /// <param name="batchWindow">How long an idle decoder waits after the first request for others that arrive with it
    /// (default 5 ms; none when a batch holds one row).</param>
    public DynamicBatcher(ICausalLM model, ITokenizer tokenizer, int maxBatchRows, int queueLength, bool start = true, TimeSpan? batchWindow = null)
    {
        (this.model, this.maxBatchRows, this.queueLength) = (model, maxBatchRows, queueLength);
        this.batchWindow = batchWindow ?? TimeSpan.FromMilliseconds(5);
        padId = tokenizer.PaddingId();
        worker = new Thread(Work) { IsBackground = true, Name = "prefsharp-decode" };
        if (start) Start();
    }

    /// <summary>Batches decoded so far.</summary>
    public int Batches { get; private set; }

    /// <summary>The most sequences decoded together so far.</summary>
    public int LargestBatchRows { get; private set; }

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
        while (held.Count > 0 || queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            if (held.Count == 0 && maxBatchRows > 1 && batchWindow > TimeSpan.Zero) Thread.Sleep(batchWindow);
            while (queue.Reader.TryRead(out var arrived)) held.Add(arrived);
            var batch = NextBatch();
            Interlocked.Add(ref waiting, -batch.Count);
            try
            {
                var rows = Decode(batch);
                var offset = 0;
                foreach (var job in batch)
                {
                    job.Tokens?.Writer.TryComplete();
                    job.Result.SetResult(rows.Skip(offset).Take(job.Rows).Select(r => Truncate(r, job)).ToList());
                    offset += job.Rows;
                }
            }
            catch (Exception failure)
            {
                foreach (var job in batch)
                {
                    job.Tokens?.Writer.TryComplete(failure);
                    job.Result.TrySetException(failure);
                }
            }
        }
    }

    /// <summary>The first waiting job and every later one that can share its batch, while the rows fit.</summary>
    private List<GenerationJob> NextBatch()
    {
        var batch = new List<GenerationJob> { held[0] };
        var rows = held[0].Rows;
        foreach (var job in held.Skip(1))
            if (rows + job.Rows <= maxBatchRows && batch[0].CanShareBatchWith(job))
            {
                batch.Add(job);
                rows += job.Rows;
            }
        held.RemoveAll(batch.Contains);
        return batch;
    }

    private List<GeneratedRow> Decode(List<GenerationJob> batch)
    {
        var first = batch[0];
        var prompts = batch.SelectMany(j => Enumerable.Repeat(j.PromptIds, j.Rows))
            .Select(p => (IReadOnlyList<long>)[.. p.Select(id => (long)id)]).ToList();
        var options = new GenerationOptions
        {
            MaxNewTokens = batch.Max(j => j.MaxTokens),
            Temperature = first.Sampling.Temperature,
            TopP = first.Sampling.TopP,
            Seed = first.Sampling.Seed ?? Random.Shared.NextInt64(),
            PadTokenId = padId,
            StopTokenIds = [.. first.StopIds.Select(id => (long)id)],
        };
        using var scope = NewDisposeScope();
        var (ids, mask) = PromptBatch.LeftPad(prompts, padId);
        var output = BatchGenerator.Generate(model, ids, mask, options, batch.Any(j => j.Tokens is not null) ? step => Publish(batch, step) : null);
        Batches++;
        LargestBatchRows = Math.Max(LargestBatchRows, prompts.Count);
        var width = (int)output.GeneratedTokens.shape[1];
        var tokens = output.GeneratedTokens.data<long>().ToArray();      // (B·N)
        var kept = output.GeneratedMask.data<long>().ToArray();          // (B·N)
        var logProbs = output.TokenLogProbs.data<float>().ToArray();     // (B·N)
        return [.. Enumerable.Range(0, prompts.Count).Select(row =>
        {
            var positions = Enumerable.Range(row * width, width).Where(i => kept[i] == 1).ToList();
            return new GeneratedRow([.. positions.Select(i => (int)tokens[i])], [.. positions.Select(i => logProbs[i])], false);
        })];
    }

    /// <summary>Hands each streaming job its rows' tokens of this step, within the job's own token limit.</summary>
    private static void Publish(List<GenerationJob> batch, GeneratedStep step)
    {
        var offset = 0;
        foreach (var job in batch)
        {
            for (var row = 0; job.Tokens is not null && step.Step < job.MaxTokens && row < job.Rows; row++)
                if (step.Tokens[offset + row] != GeneratedStep.Finished)
                    job.Tokens.Writer.TryWrite(new StreamedToken(row, (int)step.Tokens[offset + row], step.LogProbs[offset + row]));
            offset += job.Rows;
        }
    }

    /// <summary>The row cut to the job's own token limit, with whether it ended at a stop token.</summary>
    private GeneratedRow Truncate(GeneratedRow row, GenerationJob job)
    {
        var count = Math.Min(row.Ids.Count, job.MaxTokens);
        var ids = row.Ids.Take(count).ToList();
        return new GeneratedRow(ids, [.. row.LogProbs.Take(count)], ids.Count > 0 && (job.StopIds.Contains(ids[^1]) || IsEos(ids[^1])));
    }

    private bool IsEos(int id) => model.Config.EosTokenIds.Contains(id);

    public void Dispose()
    {
        queue.Writer.TryComplete();
        if (worker.IsAlive) worker.Join();
        foreach (var job in held) job.Result.TrySetException(new ApiException(503, "the server is shutting down", type: "server_error"));
    }
}
