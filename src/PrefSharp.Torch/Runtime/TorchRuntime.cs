using TorchSharp;

namespace PrefSharp.Torch.Runtime;

/// <summary>
/// Makes TorchSharp loadable before its first use: finds the <c>libLibTorchSharp.so</c> copies that TorchSharp
/// will probe in this process's build output and applies <see cref="GlibcxxCompatibilityFix"/> where the
/// system libstdc++ needs it. Call <see cref="EnsureInitialized"/> at every entry point (CLI, tests, bench)
/// before touching <c>torch</c>; it is cheap (it reads ELF headers) and idempotent.
/// </summary>
public static class TorchRuntime
{
    private const string ShimName = "libLibTorchSharp.so";
    private static readonly Lock Gate = new();
    private static NativeFixReport? _report;

    /// <summary>Applies the fix where needed (once per process) and returns what was found and done.</summary>
    public static NativeFixReport EnsureInitialized()
    {
        lock (Gate)
            return _report ??= Initialize();
    }

    /// <summary>The libtorch version TorchSharp was built against (from the loaded native library).</summary>
    public static string LibTorchVersion => torch.__version__;

    /// <summary>The TorchSharp assembly version.</summary>
    public static string TorchSharpVersion =>
        typeof(torch).Assembly.GetName().Version?.ToString(3) ?? "unknown";

    private static NativeFixReport Initialize()
    {
        if (!OperatingSystem.IsLinux())
            return new NativeFixReport(null, [], NativeFixState.NotNeeded, []);
        var libStdCxx = SystemLibStdCxx.Locate();
        var systemVersions = SystemLibStdCxx.DefinedVersions(libStdCxx);
        var shims = CandidateDirectories().Select(d => Path.Combine(d, ShimName)).Where(File.Exists).Distinct().ToList();
        var state = NativeFixState.NotNeeded;
        var weakened = new SortedSet<string>();
        foreach (var shim in shims)
        {
            var tables = ElfVersionTables.Read(shim);
            var plan = GlibcxxCompatibilityFix.Plan(tables, systemVersions, shim);
            GlibcxxCompatibilityFix.Apply(shim, plan);
            if (plan.Count > 0) state = NativeFixState.AppliedNow;
            var inEffect = tables.Needed.Where(n => GlibcxxCompatibilityFix.WeakenableVersions.Contains(n.Version) && !systemVersions.Contains(n.Version));
            foreach (var need in inEffect)
            {
                weakened.Add(need.Version);
                if (state == NativeFixState.NotNeeded) state = NativeFixState.AlreadyApplied;
            }
        }
        return new NativeFixReport(libStdCxx, shims, state, weakened.ToList());
    }

    /// <summary>
    /// Where the runtime and TorchSharp look for the shim: the host's native search directories
    /// (runtimes/&lt;rid&gt;/native of the build output), the application folder, and the "cpu" folder
    /// TorchSharp consolidates natives into after a failed first load.
    /// </summary>
    private static IEnumerable<string> CandidateDirectories()
    {
        var searchPaths = AppContext.GetData("NATIVE_DLL_SEARCH_DIRECTORIES") as string ?? "";
        foreach (var directory in searchPaths.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            yield return Path.GetFullPath(directory);
        var app = AppContext.BaseDirectory;
        yield return Path.GetFullPath(app);
        yield return Path.GetFullPath(Path.Combine(app, "cpu"));
        yield return Path.GetFullPath(Path.Combine(app, "runtimes", $"linux-{System.Runtime.InteropServices.RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant()}", "native"));
    }
}
