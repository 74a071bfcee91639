using System.Runtime.CompilerServices;
using PrefSharp.Torch.Runtime;

namespace PrefSharp.Torch.Tests;

/// <summary>Makes libtorch loadable before any test touches TorchSharp, exactly as the CLI does at start-up.</summary>
internal static class TorchTestSetup
{
    [ModuleInitializer]
    internal static void Initialize() => TorchRuntime.EnsureInitialized();
}
