using PrefSharp.Torch.Batches;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Grpo;

/// <summary>
/// Consecutive rows of a <see cref="GrpoRolloutStep"/>: views of its sequences, old and reference log-probs,
/// advantages and scored mask, for one forward/backward pass of <see cref="GrpoObjective"/>. The loop passes the same
/// micro-batch once per update; <see cref="Passes"/> counts them.
/// </summary>
internal sealed class GrpoMicroBatch(GrpoRolloutStep step, SequenceBatch rows, Tensor oldLogProbs, Tensor? refLogProbs,
    Tensor advantages, Tensor mask) : IDisposable, IDeviceBatch<GrpoMicroBatch>
{
    public GrpoRolloutStep Step { get; } = step;
    public SequenceBatch Rows { get; } = rows;
    public Tensor OldLogProbs { get; } = oldLogProbs;
    public Tensor? RefLogProbs { get; } = refLogProbs;
    public Tensor Advantages { get; } = advantages;
    public Tensor Mask { get; } = mask;

    /// <summary>Forward passes already made on this micro-batch (0 during the first update).</summary>
    public int Passes { get; set; }

    /// <summary>The same rows on <paramref name="device"/>, counting into the same rollout step.</summary>
    public GrpoMicroBatch To(Device device) => new(Step, Rows.To(device), OldLogProbs.to(device), RefLogProbs?.to(device),
        Advantages.to(device), Mask.to(device)) { Passes = Passes };

    public void Dispose()
    {
        Rows.Dispose();
        OldLogProbs.Dispose();
        RefLogProbs?.Dispose();
        Advantages.Dispose();
        Mask.Dispose();
    }
}
