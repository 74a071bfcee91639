using static TorchSharp.torch;

namespace PrefSharp.Torch.Batches;

/// <summary>
/// A right-padded batch of tokenized sequences, the input of every trainer's forward pass.
/// </summary>
/// <param name="InputIds">(B, T) int64, padded with the pad id.</param>
/// <param name="AttentionMask">(B, T) int64: 1 for real tokens, 0 for padding.</param>
/// <param name="LossMask">(B, T) int64: 1 where the token is scored (completion / assistant tokens), 0 elsewhere.</param>
public sealed record SequenceBatch(Tensor InputIds, Tensor AttentionMask, Tensor LossMask) : IDisposable, IDeviceBatch<SequenceBatch>
{
    /// <summary>Rows in the batch.</summary>
    public long Count => InputIds.shape[0];

    /// <summary>Pads <paramref name="sequences"/> on the right to the longest one.</summary>
    public static SequenceBatch Collate(IReadOnlyList<TokenizedSequence> sequences, int padId)
    {
        if (sequences.Count == 0) throw new ArgumentException("cannot collate an empty batch", nameof(sequences));
        var width = sequences.Max(s => s.Ids.Count);
        var ids = new long[sequences.Count, width];
        var attention = new long[sequences.Count, width];
        var loss = new long[sequences.Count, width];
        for (var row = 0; row < sequences.Count; row++)
        {
            var sequence = sequences[row];
            for (var column = 0; column < width; column++)
            {
                var real = column < sequence.Ids.Count;
                ids[row, column] = real ? sequence.Ids[column] : padId;
                attention[row, column] = real ? 1 : 0;
                loss[row, column] = real && sequence.LossMask[column] ? 1 : 0;
            }
        }
        return new SequenceBatch(tensor(ids), tensor(attention), tensor(loss));
    }

    /// <summary>The same batch on <paramref name="device"/>.</summary>
    public SequenceBatch To(Device device) => new(InputIds.to(device), AttentionMask.to(device), LossMask.to(device));

    public void Dispose()
    {
        InputIds.Dispose();
        AttentionMask.Dispose();
        LossMask.Dispose();
    }
}
