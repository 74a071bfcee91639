namespace PrefSharp.Torch.Training.Grpo;

/// <summary>
/// Which completions ran out of budget: the whole length budget and no stop token at the end (the sampler
/// keeps the stop token it ended on). DAPO's overlong filtering (Yu et al. 2025, §3.4) leaves them out of the loss.
/// </summary>
public static class TruncatedCompletions
{
    /// <summary>One flag per completion: true when it was cut at <paramref name="maxLength"/>.</summary>
    public static bool[] Find(IReadOnlyList<IReadOnlyList<long>> completions, int maxLength, IReadOnlySet<long> stopTokenIds) =>
        completions.Select(c => c.Count >= maxLength && (c.Count == 0 || !stopTokenIds.Contains(c[^1]))).ToArray();
}
