using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Reward.MultiObjective;

/// <summary>Indices of the pairs drawn for one gate step (with replacement).</summary>
internal sealed record GatingBatch(Tensor Index) : IDisposable
{
    public void Dispose() => Index.Dispose();
}
