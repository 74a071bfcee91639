using System.Runtime.CompilerServices;
using PrefSharp.Torch.Runtime;

// libtorch's default generator is process-wide: tests that seed it must not interleave, so they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace PrefSharp.Recipes.Tests;

/// <summary>Makes libtorch loadable before any test touches TorchSharp, exactly as the CLI does at start-up.</summary>
internal static class TorchTestSetup
{
    [ModuleInitializer]
    internal static void Initialize() => TorchRuntime.EnsureInitialized();
}
