using System.Runtime.InteropServices;

namespace PrefSharp.Torch.Runtime;

/// <summary>Finds the libstdc++ the dynamic loader gives this process and reads the versions it defines.</summary>
public static class SystemLibStdCxx
{
    /// <summary>Path of the loaded libstdc++.so.6 (loading it if needed), or null where there is none (not Linux).</summary>
    public static string? Locate()
    {
        if (!OperatingSystem.IsLinux()) return null;
        if (FindMapped() is { } mapped) return mapped;
        return NativeLibrary.TryLoad("libstdc++.so.6", out _) ? FindMapped() : null;
    }

    /// <summary>The version names libstdc++ defines, e.g. GLIBCXX_3.4.30; empty when it cannot be found.</summary>
    public static IReadOnlySet<string> DefinedVersions(string? path) =>
        path is null ? new HashSet<string>() : ElfVersionTables.Read(path).Defined.ToHashSet();

    private static string? FindMapped() =>
        File.ReadLines("/proc/self/maps")
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length >= 6 && Path.GetFileName(fields[5]).StartsWith("libstdc++.so", StringComparison.Ordinal))
            .Select(fields => fields[5])
            .FirstOrDefault();
}
