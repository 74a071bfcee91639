namespace PrefSharp.Torch.Batches;

/// <summary>
/// One tokenized example: the ids of prompt and completion together, and which positions are scored (the completion,
/// or the assistant turns of a conversation). <c>LossMask[i]</c> says whether token <c>Ids[i]</c> is predicted and
/// counted; prompt tokens are context only.
/// </summary>
public sealed record TokenizedSequence
{
    public TokenizedSequence(IReadOnlyList<int> ids, IReadOnlyList<bool> lossMask)
    {
        if (ids.Count == 0) throw new ArgumentException("a sequence needs at least one token", nameof(ids));
        if (lossMask.Count != ids.Count)
            throw new ArgumentException($"loss mask has {lossMask.Count} entries for {ids.Count} ids", nameof(lossMask));
        Ids = ids;
        LossMask = lossMask;
    }

    /// <summary>Token ids, prompt first.</summary>
    public IReadOnlyList<int> Ids { get; }

    /// <summary>True where the token is scored (the first token can never be: nothing predicts it).</summary>
    public IReadOnlyList<bool> LossMask { get; }

    /// <summary>A prompt followed by a completion whose every token is scored.</summary>
    public static TokenizedSequence PromptCompletion(IReadOnlyList<int> prompt, IReadOnlyList<int> completion) => new(
        [.. prompt, .. completion], [.. Enumerable.Repeat(false, prompt.Count), .. Enumerable.Repeat(true, completion.Count)]);

    /// <summary>Number of scored tokens (the first position excluded, as no logit predicts it).</summary>
    public int ScoredTokens => LossMask.Skip(1).Count(scored => scored);

    /// <summary>The first <paramref name="maxLength"/> tokens (the same sequence when it is no longer).</summary>
    public TokenizedSequence Truncate(int maxLength) => Ids.Count <= maxLength ? this
        : new TokenizedSequence(Ids.Take(maxLength).ToArray(), LossMask.Take(maxLength).ToArray());
}
