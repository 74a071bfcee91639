using System.Security.Cryptography;
using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Training.Logging;

namespace PrefSharp.Torch.Training.Dpo;

/// <summary>
/// Cached-reference mode of <see cref="DpoTrainer"/>: reuse the cache file when its fingerprint matches the data and
/// the reference model, else run the reference once over every pair (in micro-batches, under no_grad) and save it.
/// </summary>
public static class ReferenceCacheFile
{
    /// <summary>The cache for <paramref name="pairs"/> under <paramref name="reference"/>, loaded from or written to <paramref name="path"/>.</summary>
    public static ReferenceLogProbCache Obtain(FrozenReference reference, IReadOnlyList<TokenizedPair> pairs, int padId, int batchSize,
        string path, ProgressReporter progress)
    {
        var fingerprint = ReferenceLogProbCache.FingerprintOf(DatasetHash(pairs), reference.Model);
        if (File.Exists(path))
        {
            try
            {
                var cached = ReferenceLogProbCache.Load(path, fingerprint);
                progress.Message($"reference log-probs: reusing {path} ({cached.Count} pairs)");
                return cached;
            }
            catch (InvalidDataException stale)
            {
                progress.Message($"reference log-probs: {stale.Message}; rebuilding");
            }
        }
        var cache = ReferenceLogProbCache.Build(reference, Batches(pairs, padId, batchSize), fingerprint);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        cache.Save(path);
        progress.Message($"reference log-probs: computed {cache.Count} pairs into {path}");
        return cache;
    }

    /// <summary>SHA-256 (hex) of every pair's ids, loss masks and weight, in order.</summary>
    public static string DatasetHash(IReadOnlyList<TokenizedPair> pairs)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(TokenizedSequence sequence)
        {
            sha.AppendData(BitConverter.GetBytes(sequence.Ids.Count));
            foreach (var id in sequence.Ids) sha.AppendData(BitConverter.GetBytes(id));
            foreach (var scored in sequence.LossMask) sha.AppendData([(byte)(scored ? 1 : 0)]);
        }
        foreach (var pair in pairs)
        {
            Add(pair.Chosen);
            Add(pair.Rejected);
            sha.AppendData(BitConverter.GetBytes(pair.Weight ?? double.NaN));
        }
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    private static IEnumerable<PairBatch> Batches(IReadOnlyList<TokenizedPair> pairs, int padId, int batchSize)
    {
        for (var start = 0; start < pairs.Count; start += batchSize)
        {
            using var batch = TokenizedPair.Collate(pairs.Skip(start).Take(batchSize).ToList(), padId);
            yield return batch;
        }
    }
}
