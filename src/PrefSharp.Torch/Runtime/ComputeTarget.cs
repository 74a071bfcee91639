using TorchSharp;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Runtime;

/// <summary>
/// Where a model runs and in which floating type its weights and activations are held: the device (<c>cpu</c>,
/// <c>cuda</c>, <c>cuda:N</c>, <c>mps</c>) and the compute type (float32, bfloat16, float16). Models are built on
/// the CPU in float32 and moved once (<see cref="Apply{T}"/>); everything else (batches, caches, generated tokens,
/// optimiser state, reference log-probabilities) follows the device and type of the model's first parameter.
/// </summary>
/// <remarks>
/// <see cref="Default"/> is the process-wide target, set once by the command line from <c>--device</c> and
/// <c>--dtype</c> (like PyTorch's <c>torch.set_default_device</c>, but read only where a model is created or loaded);
/// library code that is handed a model reads its target from the model (<see cref="Of"/>).
/// </remarks>
public sealed record ComputeTarget(Device Device, ScalarType DType)
{
    /// <summary>CPU, float32: the default.</summary>
    public static ComputeTarget Cpu { get; } = new(CPU, ScalarType.Float32);

    /// <summary>The target models are created and loaded on when no other is given.</summary>
    public static ComputeTarget Default { get; set; } = Cpu;

    /// <summary>True when the compute type is narrower than float32 (the optimiser then keeps float32 master weights).</summary>
    public bool IsReducedPrecision => DType is ScalarType.BFloat16 or ScalarType.Float16;

    /// <summary>The Hugging Face name of the compute type (<c>torch_dtype</c>).</summary>
    public string DTypeName => ComputeDTypes.Name(DType);

    /// <summary>
    /// Parses <c>--device</c> and <c>--dtype</c>: the device must exist in this build and this machine; a device the
    /// build lacks is an <see cref="ArgumentException"/> naming the build and how to get one that has it.
    /// </summary>
    public static ComputeTarget Parse(string device, string dtype) =>
        new(ComputeDevices.Parse(device), ComputeDTypes.Parse(dtype));

    /// <summary>The device and floating type of <paramref name="module"/>'s first parameter (CPU, float32 when it has none).</summary>
    public static ComputeTarget Of(nn.Module module)
    {
        var first = module.parameters().FirstOrDefault(p => p.is_floating_point());
        return first is null ? Cpu : new ComputeTarget(first.device, first.dtype);
    }

    /// <summary>Converts the floating parameters and buffers of <paramref name="module"/> to this type and moves it to this device.</summary>
    public T Apply<T>(T module) where T : nn.Module
    {
        if (DType != ScalarType.Float32) module.to(DType);
        if (Device.type != DeviceType.CPU) module.to(Device);
        return module;
    }

    public override string ToString() => $"{Device} {DTypeName}";
}
