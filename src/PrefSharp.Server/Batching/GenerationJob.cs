using System.Threading.Channels;

namespace PrefSharp.Server.Batching;

/// <summary>One request's share of the running batch: <see cref="Rows"/> samples of one tokenized prompt.</summary>
/// <param name="StopIds">Token ids that end a row (the template's end-of-turn and EOS ids).</param>
public sealed record GenerationJob(IReadOnlyList<int> PromptIds, int Rows, int MaxTokens, SamplingSettings Sampling, IReadOnlyList<int> StopIds)
{
    internal TaskCompletionSource<IReadOnlyList<GeneratedRow>> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// For a streaming request: every token of every row, in order, as the decoder draws it (at most <see cref="MaxTokens"/>
    /// per row); completed when the rows are. Unbounded, so a slow client never holds up the batch it shares.
    /// </summary>
    public Channel<StreamedToken>? Tokens { get; init; }

    /// <summary>Cancelled when the client goes away: the job's rows leave the batch at the next step and its task is cancelled.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>A channel for <see cref="Tokens"/>: one writer (the decoder), one reader (the response).</summary>
    public static Channel<StreamedToken> TokenChannel() =>
        Channel.CreateUnbounded<StreamedToken>(new UnboundedChannelOptions { SingleWriter = true, SingleReader = true });
}
