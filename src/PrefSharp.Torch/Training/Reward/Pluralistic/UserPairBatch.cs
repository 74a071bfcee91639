using PrefSharp.Torch.Batches;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Reward.Pluralistic;

/// <summary>Pairs collated right-padded, and the user row of each (B, int64; −1 for an unknown user).</summary>
public sealed record UserPairBatch(PairBatch Pairs, Tensor Users) : IDisposable
{
    /// <summary>Collates <paramref name="examples"/> with <paramref name="padId"/>.</summary>
    public static UserPairBatch Collate(IReadOnlyList<UserPair> examples, int padId) => new(
        TokenizedPair.Collate(examples.Select(e => e.Pair).ToList(), padId),
        tensor(examples.Select(e => (long)e.User).ToArray(), ScalarType.Int64));

    /// <summary>Real tokens of both sides, for the throughput figure.</summary>
    public static long CountTokens(UserPairBatch batch) => TokenizedPair.CountTokens(batch.Pairs);

    public void Dispose()
    {
        Pairs.Dispose();
        Users.Dispose();
    }
}
