using PrefSharp.Torch.Batches;

namespace PrefSharp.Torch.Training.Reward;

/// <summary>Collates <see cref="TokenizedPair"/>s into a right-padded <see cref="PairBatch"/>.</summary>
public static class RewardBatches
{
    /// <summary>
    /// Chosen and rejected sides padded with <paramref name="padId"/>; the weights are attached when
    /// <paramref name="loss"/> reads them as margins or soft labels, or when any differs from 1.
    /// </summary>
    public static PairBatch Collate(IReadOnlyList<TokenizedPair> examples, int padId, RewardLossKind loss)
    {
        if (examples.Count == 0) throw new ArgumentException("a batch needs at least one pair", nameof(examples));
        var chosen = SequenceBatch.Collate(examples.Select(e => e.Chosen).ToList(), padId);
        var rejected = SequenceBatch.Collate(examples.Select(e => e.Rejected).ToList(), padId);
        var needsWeights = loss is RewardLossKind.Margin or RewardLossKind.SoftLabel or RewardLossKind.RaoKupper || examples.Any(e => (e.Weight ?? 1.0) != 1.0);
        return new PairBatch(chosen, rejected, needsWeights ? examples.Select(e => e.Weight ?? 1.0).ToArray() : null);
    }
}
