using PrefSharp.Torch.Generation;
using static TorchSharp.torch;

namespace PrefSharp.Server.Batching;

/// <summary>
/// A job whose rows are in the running batch: how it samples, and per row the tokens drawn so far and whether the row
/// is done (a stop or EOS token, or <see cref="GenerationJob.MaxTokens"/> tokens).
/// </summary>
internal sealed class RunningJob : IDisposable
{
    private readonly List<int>[] ids;
    private readonly List<float>[] logProbs;
    private readonly bool[] done;
    private readonly Generator? own;

    /// <param name="shared">The batcher's generator, used by jobs without a seed.</param>
    public RunningJob(GenerationJob job, Generator shared)
    {
        Job = job;
        ids = [.. Enumerable.Range(0, job.Rows).Select(_ => new List<int>())];
        logProbs = [.. Enumerable.Range(0, job.Rows).Select(_ => new List<float>())];
        done = new bool[job.Rows];
        Options = new GenerationOptions { Temperature = job.Sampling.Temperature, TopP = job.Sampling.TopP };
        own = job.Sampling.Seed is { } seed ? new Generator(unchecked((ulong)seed)) : null;
        Generator = own ?? shared;
    }

    public GenerationJob Job { get; }

    /// <summary>Temperature and top-p of the job's draws.</summary>
    public GenerationOptions Options { get; }

    /// <summary>The job's own seeded generator, or the batcher's.</summary>
    public Generator Generator { get; }

    /// <summary>Whether the job draws from its own generator, so its rows are sampled apart from other jobs' rows.</summary>
    public bool Seeded => own is not null;

    /// <summary>Tokens drawn so far by the job's longest row.</summary>
    public int Drawn => ids.Max(row => row.Count);

    /// <summary>Whether every row is done.</summary>
    public bool Finished => done.All(d => d);

    /// <summary>Records the token drawn for <paramref name="row"/>, streams it, and says whether the row is now done.</summary>
    public bool Record(int row, int id, float logProb, IReadOnlyCollection<int> eosIds)
    {
        ids[row].Add(id);
        logProbs[row].Add(logProb);
        Job.Tokens?.Writer.TryWrite(new StreamedToken(row, id, logProb));
        return done[row] = Stops(id, eosIds) || ids[row].Count >= Job.MaxTokens;
    }

    /// <summary>Hands the rows to the waiting request and ends its stream.</summary>
    public void Complete(IReadOnlyCollection<int> eosIds)
    {
        Job.Tokens?.Writer.TryComplete();
        Job.Result.TrySetResult([.. Enumerable.Range(0, Job.Rows).Select(row =>
            new GeneratedRow(ids[row], logProbs[row], ids[row].Count > 0 && Stops(ids[row][^1], eosIds)))]);
    }

    /// <summary>Ends the request with <paramref name="failure"/>, or as cancelled when null.</summary>
    public void Fail(Exception? failure)
    {
        Job.Tokens?.Writer.TryComplete(failure);
        if (failure is null) Job.Result.TrySetCanceled(Job.Cancellation);
        else Job.Result.TrySetException(failure);
    }

    private bool Stops(int id, IReadOnlyCollection<int> eosIds) => Job.StopIds.Contains(id) || eosIds.Contains(id);

    public void Dispose() => own?.Dispose();
}
