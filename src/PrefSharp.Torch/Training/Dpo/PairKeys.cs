using System.Security.Cryptography;
using PrefSharp.Torch.Batches;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Dpo;

/// <summary>
/// A content key per pair of a <see cref="PairBatch"/>: SHA-256 of the real tokens and scored positions of both rows,
/// so cached reference log-probs are found whatever the batching, shuffling or padding.
/// </summary>
public static class PairKeys
{
    /// <summary>One hex key (32 characters) per pair.</summary>
    public static string[] Of(PairBatch batch)
    {
        var chosen = Rows(batch.Chosen);
        var rejected = Rows(batch.Rejected);
        return chosen.Zip(rejected, (c, r) =>
        {
            var bytes = new byte[(c.Length + r.Length + 1) * sizeof(long)];
            Buffer.BlockCopy(c, 0, bytes, 0, c.Length * sizeof(long));
            BitConverter.TryWriteBytes(bytes.AsSpan(c.Length * sizeof(long)), -1L);   // separator
            Buffer.BlockCopy(r, 0, bytes, (c.Length + 1) * sizeof(long), r.Length * sizeof(long));
            return Convert.ToHexString(SHA256.HashData(bytes), 0, 16);
        }).ToArray();
    }

    /// <summary>Per row: the real token ids, each scored one stored as −2 − id so that the loss mask is part of the key.</summary>
    private static long[][] Rows(SequenceBatch batch)
    {
        using var scope = NewDisposeScope();
        var (rows, width) = ((int)batch.InputIds.shape[0], (int)batch.InputIds.shape[1]);
        var ids = batch.InputIds.cpu().to(ScalarType.Int64).data<long>().ToArray();
        var real = batch.AttentionMask.cpu().to(ScalarType.Int64).data<long>().ToArray();
        var scored = batch.LossMask.cpu().to(ScalarType.Int64).data<long>().ToArray();
        return Enumerable.Range(0, rows).Select(row => Enumerable.Range(row * width, width)
            .Where(i => real[i] != 0).Select(i => scored[i] != 0 ? -2 - ids[i] : ids[i]).ToArray()).ToArray();
    }
}
