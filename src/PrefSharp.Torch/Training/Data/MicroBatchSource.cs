namespace PrefSharp.Torch.Training.Data;

/// <summary>
/// Micro-batches of <typeparamref name="TExample"/> turned into <typeparamref name="TBatch"/> by a collate function
/// (e.g. <c>SequenceBatch.Collate</c>). Each epoch visits every example once in an order shuffled by a
/// <see cref="Random"/> seeded from (seed, epoch), so the order depends on nothing but those two numbers and a
/// resumed run continues at exactly the next example. A micro-batch never spans two epochs: the last one of an epoch
/// may be smaller (the loop weights every micro-batch by its units, so that is exact).
/// </summary>
public sealed class MicroBatchSource<TExample, TBatch> : IMicroBatchSource<TBatch>
{
    private readonly IReadOnlyList<TExample> examples;
    private readonly Func<IReadOnlyList<TExample>, TBatch> collate;
    private readonly int batchSize;
    private readonly int seed;
    private readonly bool shuffle;
    private int[] order = [];
    private int orderEpoch = -1;

    /// <param name="examples">The data; must not be empty.</param>
    /// <param name="collate">Builds one micro-batch from up to <paramref name="batchSize"/> examples.</param>
    /// <param name="batchSize">Examples per micro-batch (≥ 1).</param>
    /// <param name="seed">Seed of the per-epoch shuffle.</param>
    /// <param name="shuffle">False keeps the given order every epoch (evaluation).</param>
    public MicroBatchSource(IReadOnlyList<TExample> examples, Func<IReadOnlyList<TExample>, TBatch> collate, int batchSize,
        int seed, bool shuffle = true)
    {
        if (examples.Count == 0) throw new ArgumentException("the data set is empty", nameof(examples));
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "must be >= 1");
        this.examples = examples;
        this.collate = collate;
        this.batchSize = batchSize;
        this.seed = seed;
        this.shuffle = shuffle;
        Position = DataPosition.Start;
    }

    public int ExampleCount => examples.Count;

    public DataPosition Position { get; private set; }

    /// <summary>Micro-batches in one epoch (the last may be partial).</summary>
    public int BatchesPerEpoch => (examples.Count + batchSize - 1) / batchSize;

    public void Seek(DataPosition position)
    {
        if (position.Epoch < 0 || position.Index < 0 || position.Index > examples.Count)
            throw new ArgumentOutOfRangeException(nameof(position), position, $"index must be in [0, {examples.Count}] and epoch >= 0");
        Position = position;
    }

    public TBatch Next()
    {
        var (epoch, index) = Position.Index >= examples.Count ? (Position.Epoch + 1, 0) : (Position.Epoch, Position.Index);
        var permutation = OrderOf(epoch);
        var count = Math.Min(batchSize, examples.Count - index);
        var chosen = new TExample[count];
        for (var i = 0; i < count; i++) chosen[i] = examples[permutation[index + i]];
        Position = new DataPosition(epoch, index + count);
        return collate(chosen);
    }

    /// <summary>The order of <paramref name="epoch"/>: a Fisher–Yates shuffle driven by <c>new Random(hash(seed, epoch))</c>.</summary>
    public int[] OrderOf(int epoch)
    {
        if (epoch == orderEpoch) return order;
        order = Enumerable.Range(0, examples.Count).ToArray();
        if (shuffle) new Random(unchecked(seed * 1_000_003 + epoch)).Shuffle(order);
        orderEpoch = epoch;
        return order;
    }
}
