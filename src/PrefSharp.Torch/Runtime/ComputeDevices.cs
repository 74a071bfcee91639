using TorchSharp;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Runtime;

/// <summary>
/// Parses <c>--device</c> and checks that this build and machine have it. The TorchSharp package chosen at build time
/// (<see cref="TorchBuild"/>) decides which devices exist: TorchSharp-cpu has the CPU (and Apple's MPS on macOS arm64),
/// TorchSharp-cuda-linux / TorchSharp-cuda-windows add CUDA.
/// </summary>
public static class ComputeDevices
{
    /// <summary><c>cpu</c>, <c>cuda</c>, <c>cuda:N</c> or <c>mps</c>; an <see cref="ArgumentException"/> in one line otherwise or when unavailable.</summary>
    public static Device Parse(string text)
    {
        var name = text.Trim().ToLowerInvariant();
        if (name == "cpu") return CPU;
        if (name == "mps") return Mps();
        if (name == "cuda" || name.StartsWith("cuda:", StringComparison.Ordinal)) return Cuda(name);
        throw new ArgumentException($"--device: '{text}' is not a device; expected cpu, cuda, cuda:N or mps", "--device");
    }

    private static Device Cuda(string name)
    {
        var index = 0;
        if (name.Length > 4 && (!int.TryParse(name[5..], out index) || index < 0))
            throw new ArgumentException($"--device: '{name}' has no valid device number; expected cuda:N with N ≥ 0", "--device");
        if (!TorchBuild.HasCuda)
            throw new ArgumentException($"--device {name}: this build uses {TorchBuild.PackageName}, which has no CUDA; "
                + $"build with 'dotnet build -p:TorchBackend=cuda' ({TorchBuild.CudaPackages}) on a machine with an NVIDIA driver", "--device");
        if (!torch.cuda.is_available())
            throw new ArgumentException($"--device {name}: this build has CUDA ({TorchBuild.PackageName}) but no CUDA device is visible (check the driver and CUDA_VISIBLE_DEVICES)", "--device");
        var count = torch.cuda.device_count();
        if (index >= count)
            throw new ArgumentException($"--device {name}: only {count} CUDA device(s) are visible (cuda:0 … cuda:{count - 1})", "--device");
        return new Device(DeviceType.CUDA, index);
    }

    private static Device Mps()
    {
        if (!(OperatingSystem.IsMacOS() && System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.Arm64))
            throw new ArgumentException($"--device mps: Apple's Metal devices exist only on macOS on Apple silicon, where {TorchBuild.PackageName} "
                + "brings them (libtorch-cpu-osx-arm64); on this machine use cpu or a CUDA build ('dotnet build -p:TorchBackend=cuda')", "--device");
        if (!torch.mps_is_available())
            throw new ArgumentException($"--device mps: this machine's libtorch reports no Metal device", "--device");
        return new Device(DeviceType.MPS);
    }
}
