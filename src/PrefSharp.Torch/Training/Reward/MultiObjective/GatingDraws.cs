using PrefSharp.Torch.Training.Data;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Reward.MultiObjective;

/// <summary>
/// The gate's micro-batches: <paramref name="batchSize"/> pair indices drawn uniformly with replacement from
/// <paramref name="pairs"/> by a generator seeded with <paramref name="seed"/>, as the reference implementation draws
/// them. The position counts the pairs drawn so far; seeking replays the draws from the seed.
/// </summary>
internal sealed class GatingDraws(int pairs, int batchSize, int seed) : IMicroBatchSource<GatingBatch>, IDisposable
{
    private Generator generator = new((ulong)seed);

    public int ExampleCount => pairs;

    public DataPosition Position { get; private set; } = DataPosition.Start;

    public void Seek(DataPosition position)
    {
        generator.Dispose();
        generator = new Generator((ulong)seed);
        Position = DataPosition.Start;
        using var scope = NewDisposeScope();
        while (Position.Index < position.Index) Next();
    }

    public GatingBatch Next()
    {
        Position = Position with { Index = Position.Index + batchSize };
        return new GatingBatch(randint(0, pairs, [batchSize], generator: generator, dtype: ScalarType.Int64));
    }

    public void Dispose() => generator.Dispose();
}
