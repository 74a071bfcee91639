using PrefSharp.Torch.Training.Data;

namespace PrefSharp.Torch.Training.Grpo;

/// <summary>
/// GRPO's prompt order: the prompts in an order shuffled by <c>new Random(seed)</c>, reshuffled in place by the same
/// generator at the start of every further pass; a step's batch may span two passes. Its position (pass, index) is
/// part of a checkpoint; <see cref="Seek"/> rebuilds the order of any pass by replaying the shuffles from the seed, so
/// a resumed run draws exactly the prompts the uninterrupted run would have.
/// </summary>
public sealed class PromptCycle
{
    private readonly int count;
    private readonly int seed;
    private int[] order = [];
    private Random shuffle = null!;

    /// <param name="count">Number of prompts (≥ 1).</param>
    /// <param name="seed">Seed of the shuffles.</param>
    public PromptCycle(int count, int seed)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "must be ≥ 1");
        this.count = count;
        this.seed = seed;
        Seek(DataPosition.Start);
    }

    /// <summary>The pass (from 0) and the index in that pass's order of the next prompt.</summary>
    public DataPosition Position { get; private set; } = DataPosition.Start;

    /// <summary>Indices of the next <paramref name="batch"/> prompts.</summary>
    public int[] Next(int batch)
    {
        var chosen = new int[batch];
        var (epoch, index) = Position;
        for (var i = 0; i < batch; i++)
        {
            if (index == count) { shuffle.Shuffle(order); epoch++; index = 0; }
            chosen[i] = order[index++];
        }
        Position = new DataPosition(epoch, index);
        return chosen;
    }

    /// <summary>Moves to <paramref name="position"/> (from a checkpoint): replays the seed's first Epoch + 1 shuffles.</summary>
    public void Seek(DataPosition position)
    {
        if (position.Epoch < 0 || position.Index < 0 || position.Index > count)
            throw new ArgumentOutOfRangeException(nameof(position), position,
                $"prompt position must have pass ≥ 0 and index in [0, {count}] (the number of prompts); were the prompts changed?");
        order = Enumerable.Range(0, count).ToArray();
        shuffle = new Random(seed);
        for (var pass = 0; pass <= position.Epoch; pass++) shuffle.Shuffle(order);
        Position = position;
    }
}
