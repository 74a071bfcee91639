using System.Runtime.CompilerServices;
using PrefSharp.Torch.Runtime;

// libtorch's default generator is process-wide: tests that seed it (manual_seed, then build a model) must not
// interleave, or "the same seed gives the same model" stops being true. Torch tests therefore run one at a time;
// libtorch still uses every core inside each operation.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace PrefSharp.Torch.Tests;

/// <summary>Makes libtorch loadable before any test touches TorchSharp, exactly as the CLI does at start-up.</summary>
internal static class TorchTestSetup
{
    [ModuleInitializer]
    internal static void Initialize() => TorchRuntime.EnsureInitialized();
}
