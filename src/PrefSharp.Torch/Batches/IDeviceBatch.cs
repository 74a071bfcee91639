using static TorchSharp.torch;

namespace PrefSharp.Torch.Batches;

/// <summary>A batch collated on the CPU that can be copied to the model's device (the copy is a new batch; the caller disposes both).</summary>
public interface IDeviceBatch<out TBatch>
{
    /// <summary>The same batch with every tensor on <paramref name="device"/>.</summary>
    TBatch To(Device device);
}
