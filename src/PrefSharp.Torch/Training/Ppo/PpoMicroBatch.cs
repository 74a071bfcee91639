using PrefSharp.Torch.Batches;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Ppo;

/// <summary>
/// Consecutive rows of a <see cref="PpoRolloutStep"/> for one forward/backward pass of <see cref="PpoObjective"/>:
/// views of its sequences, scored mask, old log-probs, and PPO's old values, advantages and returns (B, T − 1) or
/// P3O's pair reward differences (B). The loop passes the same micro-batch once per epoch; <see cref="Passes"/> counts them.
/// </summary>
internal sealed class PpoMicroBatch(PpoRolloutStep step, SequenceBatch rows, Tensor mask, Tensor oldLogProbs, Tensor oldValues,
    Tensor advantages, Tensor returns, Tensor differences) : IDisposable
{
    public PpoRolloutStep Step { get; } = step;
    public SequenceBatch Rows { get; } = rows;
    public Tensor Mask { get; } = mask;
    public Tensor OldLogProbs { get; } = oldLogProbs;
    public Tensor OldValues { get; } = oldValues;
    public Tensor Advantages { get; } = advantages;
    public Tensor Returns { get; } = returns;
    public Tensor Differences { get; } = differences;

    /// <summary>Forward passes already made on this micro-batch (0 during the first epoch).</summary>
    public int Passes { get; set; }

    public void Dispose()
    {
        Rows.Dispose();
        foreach (var tensor in new[] { Mask, OldLogProbs, OldValues, Advantages, Returns, Differences }) tensor.Dispose();
    }
}
