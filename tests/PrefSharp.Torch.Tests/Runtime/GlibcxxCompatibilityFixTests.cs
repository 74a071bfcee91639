using PrefSharp.Torch.Runtime;

namespace PrefSharp.Torch.Tests.Runtime;

public sealed class GlibcxxCompatibilityFixTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("prefsharp-elf-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>A copy of the shim with GLIBCXX_3.4.32 strong again, as TorchSharp ships it.</summary>
    private string UnpatchedShimCopy()
    {
        var shipped = TorchRuntime.EnsureInitialized().ShimPaths[0];
        var copy = Path.Combine(_directory, "libLibTorchSharp.so");
        var bytes = File.ReadAllBytes(shipped);
        var need = ElfVersionTables.Parse(bytes, shipped).Needed.Single(n => n.Version == "GLIBCXX_3.4.32");
        bytes[need.FlagsFileOffset] &= unchecked((byte)~VersionNeed.WeakFlag);
        File.WriteAllBytes(copy, bytes);
        return copy;
    }

    [Fact]
    public void The_shipped_shim_needs_GLIBCXX_3_4_32_from_libstdcxx()
    {
        var tables = ElfVersionTables.Read(UnpatchedShimCopy());
        var need = tables.Needed.Single(n => n.Version == "GLIBCXX_3.4.32");
        Assert.Equal("libstdc++.so.6", need.Library);
        Assert.False(need.IsWeak);
        Assert.Contains(tables.Needed, n => n.Version == "GLIBCXX_3.4.30");
    }

    [Fact]
    public void Plan_is_empty_when_the_system_provides_the_version()
    {
        var tables = ElfVersionTables.Read(UnpatchedShimCopy());
        var everything = tables.Needed.Select(n => n.Version).ToHashSet();
        Assert.Empty(GlibcxxCompatibilityFix.Plan(tables, everything, "shim"));
    }

    [Fact]
    public void Apply_marks_only_that_requirement_weak_and_is_idempotent()
    {
        var path = UnpatchedShimCopy();
        var before = File.ReadAllBytes(path);
        var gcc12 = ElfVersionTables.Read(path).Needed.Select(n => n.Version).Where(v => v != "GLIBCXX_3.4.32").ToHashSet();

        var plan = GlibcxxCompatibilityFix.Plan(ElfVersionTables.Read(path), gcc12, path);
        GlibcxxCompatibilityFix.Apply(path, plan);

        var after = File.ReadAllBytes(path);
        var changed = Enumerable.Range(0, before.Length).Where(i => before[i] != after[i]).ToList();
        Assert.Equal([(int)plan.Single().FlagsFileOffset], changed);
        Assert.Equal(before[changed[0]] | VersionNeed.WeakFlag, after[changed[0]]);
        Assert.True(ElfVersionTables.Read(path).Needed.Single(n => n.Version == "GLIBCXX_3.4.32").IsWeak);
        Assert.Empty(GlibcxxCompatibilityFix.Plan(ElfVersionTables.Read(path), gcc12, path));
        Assert.Empty(Directory.GetFiles(_directory, "*.tmp"));
    }

    [Fact]
    public void A_missing_version_that_is_not_a_marker_is_refused_with_its_name()
    {
        var path = UnpatchedShimCopy();
        var tables = ElfVersionTables.Read(path);
        var withoutGcc12 = tables.Needed.Select(n => n.Version).Where(v => v is not ("GLIBCXX_3.4.30" or "GLIBCXX_3.4.32")).ToHashSet();
        var error = Assert.Throws<NotSupportedException>(() => GlibcxxCompatibilityFix.Plan(tables, withoutGcc12, path));
        Assert.Contains("GLIBCXX_3.4.30", error.Message);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void After_initialisation_no_shim_has_a_strong_requirement_the_system_lacks()
    {
        var report = TorchRuntime.EnsureInitialized();
        var system = SystemLibStdCxx.DefinedVersions(report.LibStdCxxPath);
        Assert.NotEmpty(report.ShimPaths);
        foreach (var shim in report.ShimPaths)
            Assert.Empty(GlibcxxCompatibilityFix.Plan(ElfVersionTables.Read(shim), system, shim));
    }
}
