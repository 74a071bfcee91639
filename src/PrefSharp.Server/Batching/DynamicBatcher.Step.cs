using PrefSharp.Torch.Generation;
using static TorchSharp.torch;

namespace PrefSharp.Server.Batching;

/// <summary>One decoding step of the running batch: cancelled requests leave, waiting ones join, every row draws a token.</summary>
public sealed partial class DynamicBatcher
{
    private Tensor? lastTokens;               // (B) the token each row drew at the previous step
    private IntraOpThreadLimit? threadLimit;

    /// <summary>
    /// Feeds the running rows their last tokens (one forward), prefills the requests that join (one forward), draws a
    /// token for every row, and lets the finished rows leave. The worker's loop; tests call it directly.
    /// </summary>
    internal void Step()
    {
        List<RunningJob> joining = [];
        try
        {
            using var scope = NewDisposeScope();
            LeaveCancelled();
            var logits = new List<Tensor>();
            if (rows.Count > 0)
            {
                threadLimit ??= IntraOpThreadLimit.To(new GenerationOptions().DecodeThreads);
                logits.Add(batch.Step(lastTokens!));                                                   // (B_running, V)
            }
            joining = Admit();
            if (joining.Count > 0)
            {
                var prompts = joining.SelectMany(j => Enumerable.Repeat<IReadOnlyList<long>>([.. j.Job.PromptIds.Select(id => (long)id)], j.Job.Rows)).ToList();
                logits.Add(batch.Join(prompts, [.. joining.SelectMany(j => Enumerable.Repeat(j.Job.MaxTokens - 1, j.Job.Rows))]));  // (B_joining, V)
                rows.AddRange(joining.SelectMany(j => Enumerable.Range(0, j.Job.Rows).Select(row => new BatchRow(j, row))));
                Prefills++;
                joining = [];
            }
            if (logits.Count == 0) return;
            LargestBatchRows = Math.Max(LargestBatchRows, rows.Count);
            Draw(logits.Count == 1 ? logits[0] : cat(logits, 0));
        }
        catch (Exception failure)
        {
            Fail(failure, joining);
        }
    }

    /// <summary>Draws and records every row's token, completes the finished jobs, and keeps the rows still running.</summary>
    private void Draw(Tensor logits)
    {
        if (!logits.isfinite().all().item<bool>()) throw new NonFiniteLogitsException(rows.Max(r => r.Job.Drawn));
        var (tokens, logProbs) = RowSampler.Sample(logits, rows);
        var leaving = Enumerable.Range(0, rows.Count).Where(i => rows[i].Job.Record(rows[i].Row, (int)tokens[i], logProbs[i], eosIds)).ToList();
        foreach (var job in leaving.Select(i => rows[i].Job).Distinct().Where(j => j.Finished))
        {
            job.Complete(eosIds);
            job.Dispose();
        }
        Keep(Enumerable.Range(0, rows.Count).Except(leaving).ToArray(), tokens);
    }

    /// <summary>Rows of requests whose client went away leave the batch; their tasks are cancelled.</summary>
    private void LeaveCancelled()
    {
        var gone = Enumerable.Range(0, rows.Count).Where(i => rows[i].Job.Job.Cancellation.IsCancellationRequested).ToArray();
        if (gone.Length == 0) return;
        foreach (var job in gone.Select(i => rows[i].Job).Distinct())
        {
            job.Fail(null);
            job.Dispose();
        }
        var kept = Enumerable.Range(0, rows.Count).Except(gone).ToArray();
        Keep(kept, lastTokens!.data<long>().ToArray());
    }

    /// <summary>Shrinks the batch to the rows at <paramref name="kept"/>, whose next input is their token in <paramref name="tokens"/>.</summary>
    private void Keep(int[] kept, long[] tokens)
    {
        batch.Leave([.. Enumerable.Range(0, rows.Count).Except(kept)]);
        var next = kept.Select(i => rows[i]).ToList();
        rows.Clear();
        rows.AddRange(next);
        lastTokens?.Dispose();
        lastTokens = rows.Count == 0 ? null : tensor(kept.Select(i => tokens[i]).ToArray(), ScalarType.Int64).DetachFromDisposeScope();
        if (rows.Count > 0) return;
        threadLimit?.Dispose();
        threadLimit = null;
    }

    /// <summary>The waiting requests that join now, in arrival order, while the batch has room; cancelled ones are dropped.</summary>
    private List<RunningJob> Admit()
    {
        while (queue.Reader.TryRead(out var arrived)) held.Add(arrived);
        foreach (var gone in held.Where(j => j.Cancellation.IsCancellationRequested).ToList())
        {
            held.Remove(gone);
            Interlocked.Decrement(ref waiting);
            gone.Result.TrySetCanceled(gone.Cancellation);
            gone.Tokens?.Writer.TryComplete();
        }
        var admitted = new List<RunningJob>();
        var rowCount = rows.Count;
        while (held.Count > 0 && (rowCount == 0 || rowCount + held[0].Rows <= maxBatchRows))
        {
            rowCount += held[0].Rows;
            admitted.Add(new RunningJob(held[0], shared));
            held.RemoveAt(0);
            Interlocked.Decrement(ref waiting);
        }
        return admitted;
    }

    /// <summary>Ends every running request, and those that were joining, with <paramref name="failure"/>; the batch is emptied.</summary>
    private void Fail(Exception failure, List<RunningJob> joining)
    {
        foreach (var job in rows.Select(r => r.Job).Concat(joining).Distinct())
        {
            job.Fail(failure);
            job.Dispose();
        }
        Keep([], []);
    }
}
