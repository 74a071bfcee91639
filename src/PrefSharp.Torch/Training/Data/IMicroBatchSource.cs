namespace PrefSharp.Torch.Training.Data;

/// <summary>An endless, resumable stream of micro-batches for the training loop.</summary>
public interface IMicroBatchSource<out TBatch>
{
    /// <summary>Number of examples in one epoch.</summary>
    int ExampleCount { get; }

    /// <summary>Position of the next example; saved in checkpoints.</summary>
    DataPosition Position { get; }

    /// <summary>Moves to <paramref name="position"/> (from a checkpoint).</summary>
    void Seek(DataPosition position);

    /// <summary>The next micro-batch (its tensors belong to the caller's dispose scope), advancing the position.</summary>
    TBatch Next();
}
