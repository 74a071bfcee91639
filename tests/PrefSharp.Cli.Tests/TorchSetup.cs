using System.Runtime.CompilerServices;
using PrefSharp.Torch.Runtime;

// Verbs seed libtorch's process-wide generator and build models; run them one at a time so a seed means one model.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace PrefSharp.Cli.Tests;

/// <summary>
/// Makes libtorch loadable before any test touches TorchSharp (some tests build models directly, before the CLI's
/// own start-up would), exactly as the CLI does.
/// </summary>
internal static class TorchSetup
{
    [ModuleInitializer]
    internal static void Initialize() => TorchRuntime.EnsureInitialized();
}
