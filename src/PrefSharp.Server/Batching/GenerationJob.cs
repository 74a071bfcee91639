namespace PrefSharp.Server.Batching;

/// <summary>One request's share of a batch: <see cref="Rows"/> samples of one tokenized prompt.</summary>
/// <param name="StopIds">Token ids that end a row (the template's end-of-turn and EOS ids).</param>
public sealed record GenerationJob(IReadOnlyList<int> PromptIds, int Rows, int MaxTokens, SamplingSettings Sampling, IReadOnlyList<int> StopIds)
{
    internal TaskCompletionSource<IReadOnlyList<GeneratedRow>> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Whether <paramref name="other"/> may be decoded in the same batch as this job.</summary>
    public bool CanShareBatchWith(GenerationJob other) =>
        Sampling.Seed is null && other.Sampling.Seed is null && Sampling == other.Sampling && StopIds.SequenceEqual(other.StopIds);
}
