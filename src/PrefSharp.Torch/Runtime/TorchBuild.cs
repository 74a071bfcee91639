namespace PrefSharp.Torch.Runtime;

/// <summary>
/// Which TorchSharp package this build references, chosen by the MSBuild property <c>TorchBackend</c>
/// (<c>cpu</c>, the default, or <c>cuda</c>, which defines <c>TORCH_CUDA</c>).
/// </summary>
public static class TorchBuild
{
    /// <summary>The CUDA packages a <c>-p:TorchBackend=cuda</c> build references.</summary>
    public const string CudaPackages = "TorchSharp-cuda-linux or TorchSharp-cuda-windows 0.107.0, bringing libtorch-cuda-12.8";

#if TORCH_CUDA
    /// <summary>The referenced package.</summary>
    public const string PackageName = "TorchSharp-cuda";

    /// <summary>True when the referenced package has CUDA kernels.</summary>
    public static bool HasCuda => true;
#else
    /// <summary>The referenced package.</summary>
    public const string PackageName = "TorchSharp-cpu";

    /// <summary>True when the referenced package has CUDA kernels.</summary>
    public static bool HasCuda => false;
#endif
}
