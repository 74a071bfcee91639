namespace PrefSharp.Torch.Batches;

/// <summary>One preference pair, tokenized: two sequences answering the same prompt, and an optional weight or soft label.</summary>
public sealed record TokenizedPair(TokenizedSequence Chosen, TokenizedSequence Rejected, double? Weight = null)
{
    /// <summary>
    /// A <see cref="PairBatch"/> of <paramref name="pairs"/>, each side right-padded with <paramref name="padId"/>.
    /// Weights are kept only when every pair has one (a pair without weight counts 1 otherwise).
    /// </summary>
    public static PairBatch Collate(IReadOnlyList<TokenizedPair> pairs, int padId)
    {
        if (pairs.Count == 0) throw new ArgumentException("cannot collate an empty batch", nameof(pairs));
        var weights = pairs.Any(p => p.Weight is not null) ? pairs.Select(p => p.Weight ?? 1.0).ToArray() : null;
        return new PairBatch(SequenceBatch.Collate(pairs.Select(p => p.Chosen).ToList(), padId),
            SequenceBatch.Collate(pairs.Select(p => p.Rejected).ToList(), padId), weights);
    }

    /// <summary>Real tokens of both sides of a batch, for the throughput figure.</summary>
    public static long CountTokens(PairBatch batch)
    {
        using var scope = TorchSharp.torch.NewDisposeScope();
        return batch.Chosen.AttentionMask.sum().item<long>() + batch.Rejected.AttentionMask.sum().item<long>();
    }
}
