namespace PrefSharp.Torch.Runtime;

/// <summary>
/// The Debian 12 fix for TorchSharp-cpu 0.107.0 (see ../shared/notes/environment.md).
/// <c>libLibTorchSharp.so</c> was linked by GCC 13 and records a need for <c>GLIBCXX_3.4.32</c> for one symbol,
/// <c>std::ios_base_library_init()</c>, which GCC 13 emits only as a link-time marker that nothing calls.
/// A libstdc++ older than GCC 13 lacks that version, so the loader refuses the library. Marking exactly that
/// requirement weak (VER_FLG_WEAK in its Elf64_Vernaux) lets glibc load it; nothing else changes.
/// The fix is planned from the two version tables, so it runs only where the system lacks the version,
/// and applying it twice changes nothing.
/// </summary>
public static class GlibcxxCompatibilityFix
{
    /// <summary>The only requirements known to be safe to weaken: link-time markers no code references.</summary>
    public static IReadOnlySet<string> WeakenableVersions { get; } = new HashSet<string> { "GLIBCXX_3.4.32" };

    private const string LibStdCxx = "libstdc++.so.6";

    /// <summary>
    /// The requirements of <paramref name="library"/> on libstdc++ that <paramref name="systemVersions"/> lacks
    /// and that are still strong. Empty when the library loads as it is.
    /// </summary>
    /// <exception cref="NotSupportedException">A missing version that is not known to be safe to weaken.</exception>
    public static IReadOnlyList<VersionNeed> Plan(ElfVersionTables library, IReadOnlySet<string> systemVersions, string libraryPath)
    {
        var missing = library.Needed
            .Where(n => n.Library == LibStdCxx && !systemVersions.Contains(n.Version) && !n.IsWeak)
            .ToList();
        var unsafeToWeaken = missing.Where(n => !WeakenableVersions.Contains(n.Version)).Select(n => n.Version).ToList();
        if (unsafeToWeaken.Count > 0)
            throw new NotSupportedException(
                $"{libraryPath} needs {string.Join(", ", unsafeToWeaken)} from {LibStdCxx}, which this system lacks; " +
                "install a newer libstdc++ (GCC 13 or later)");
        return missing;
    }

    /// <summary>
    /// Sets the weak flag on each planned requirement. Writes a patched copy beside the file and renames it
    /// over the original (a process that already mapped the old file is unaffected), keeping the original
    /// timestamp so incremental builds do not copy the unpatched file back.
    /// </summary>
    public static void Apply(string libraryPath, IReadOnlyList<VersionNeed> plan)
    {
        if (plan.Count == 0) return;
        var bytes = File.ReadAllBytes(libraryPath);
        foreach (var need in plan)
        {
            var flags = (ushort)(need.Flags | VersionNeed.WeakFlag);
            bytes[need.FlagsFileOffset] = (byte)flags;
            bytes[need.FlagsFileOffset + 1] = (byte)(flags >> 8);
        }
        var info = new FileInfo(libraryPath);
        var temporary = $"{libraryPath}.{Environment.ProcessId}.tmp";
        try
        {
            File.WriteAllBytes(temporary, bytes);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, info.UnixFileMode);
            File.SetLastWriteTimeUtc(temporary, info.LastWriteTimeUtc);
            File.Move(temporary, libraryPath, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
