using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Training.Data;
using PrefSharp.Torch.Training.Options;

namespace PrefSharp.Torch.Training.Dpo;

/// <summary>The micro-batch sources of a pair-batch trainer (DPO family, KTO rows): shuffled training batches, held-out batches in order.</summary>
public static class PairSources
{
    /// <summary>Training batches (seeded shuffle) and held-out batches (null without held-out rows), each of the micro-batch size.</summary>
    public static (MicroBatchSource<TokenizedPair, PairBatch> Train, MicroBatchSource<TokenizedPair, PairBatch>? HeldOut) Create(
        IReadOnlyList<TokenizedPair> train, IReadOnlyList<TokenizedPair>? heldOut, int padId, TrainingOptions training) =>
        (new MicroBatchSource<TokenizedPair, PairBatch>(train, b => TokenizedPair.Collate(b, padId), training.MicroBatchSize, training.Seed),
            heldOut is null || heldOut.Count == 0 ? null
                : new MicroBatchSource<TokenizedPair, PairBatch>(heldOut, b => TokenizedPair.Collate(b, padId), training.MicroBatchSize, 0, shuffle: false));
}
