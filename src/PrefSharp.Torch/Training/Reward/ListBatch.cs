using PrefSharp.Torch.Batches;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Reward;

/// <summary>
/// B lists of up to K responses: every present response in <see cref="Sequences"/> (list by list, best first, row-major
/// over <see cref="Mask"/>), <see cref="Mask"/> (B, K) bool marking present slots (each list's first k_b), and
/// <see cref="Labels"/> (B, K) float64 graded labels (0 in absent slots).
/// </summary>
public sealed record ListBatch(SequenceBatch Sequences, Tensor Mask, Tensor Labels) : IDisposable
{
    /// <summary>Number of lists.</summary>
    public long Count => Mask.shape[0];

    /// <summary>Pads the lists to the longest one.</summary>
    public static ListBatch Collate(IReadOnlyList<ListwiseExample> lists, int padId)
    {
        if (lists.Count == 0) throw new ArgumentException("a batch needs at least one list", nameof(lists));
        var width = lists.Max(l => l.Responses.Count);
        var mask = new bool[lists.Count, width];
        var labels = new double[lists.Count, width];
        for (var b = 0; b < lists.Count; b++)
            for (var i = 0; i < lists[b].Responses.Count; i++)
            {
                mask[b, i] = true;
                labels[b, i] = lists[b].Labels[i];
            }
        return new ListBatch(SequenceBatch.Collate(lists.SelectMany(l => l.Responses).ToList(), padId), tensor(mask), tensor(labels));
    }

    /// <summary>Real tokens in the batch, for the loop's tokens/s figure.</summary>
    public static long CountTokens(ListBatch batch) => batch.Sequences.AttentionMask.sum().item<long>();

    public void Dispose()
    {
        Sequences.Dispose();
        Mask.Dispose();
        Labels.Dispose();
    }
}
