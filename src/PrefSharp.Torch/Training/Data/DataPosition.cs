namespace PrefSharp.Torch.Training.Data;

/// <summary>Where a <see cref="MicroBatchSource{TExample, TBatch}"/> stands: the epoch (from 0) and the index, within that epoch's shuffled order, of the next example.</summary>
public sealed record DataPosition(int Epoch, int Index)
{
    /// <summary>The very beginning.</summary>
    public static DataPosition Start { get; } = new(0, 0);
}
