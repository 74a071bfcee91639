using System.Runtime.CompilerServices;
using PrefSharp.Torch.Runtime;

// Tests build models after manual_seed, and libtorch's default generator is process-wide: run them one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace PrefSharp.Server.Tests;

/// <summary>Makes libtorch loadable before any test touches TorchSharp, as the CLI does at start-up.</summary>
internal static class TorchSetup
{
    [ModuleInitializer]
    internal static void Initialize() => TorchRuntime.EnsureInitialized();
}
