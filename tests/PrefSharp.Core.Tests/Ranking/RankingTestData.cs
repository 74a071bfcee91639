namespace PrefSharp.Core.Tests.Ranking;

/// <summary>
/// Locates <c>../shared/data</c>: walk up from the test assembly to the folder holding PrefSharp.sln, then
/// <c>../shared/data</c>. Tests that need it use <see cref="SharedDataFactAttribute"/>: skipped with a reason when
/// absent, run (and failing) when CI=true. (A similar helper lives in the Data tests; to be unified at merge.)
/// </summary>
internal static class RankingTestData
{
    private static readonly Lazy<string?> LocatedRoot = new(Locate);

    public static string? Root => LocatedRoot.Value;

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The full path of a file under shared/data; throws when the folder is absent (so CI fails).</summary>
    public static string PathOf(string relative) =>
        System.IO.Path.Combine(Root ?? throw new DirectoryNotFoundException("../shared/data not found above the test assembly (CI=true requires it)."), relative);

    private static string? Locate()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (!File.Exists(System.IO.Path.Combine(directory.FullName, "PrefSharp.sln"))) continue;
            string candidate = System.IO.Path.GetFullPath(System.IO.Path.Combine(directory.FullName, "..", "shared", "data"));
            return Directory.Exists(candidate) ? candidate : null;
        }
        return null;
    }
}

/// <summary>A fact that needs ../shared/data: skipped when absent unless CI=true.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (RankingTestData.Root is null && !RankingTestData.IsCi) Skip = "../shared/data is absent (set CI=true to make this a failure).";
    }
}

/// <summary>A theory that needs ../shared/data: skipped when absent unless CI=true.</summary>
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute()
    {
        if (RankingTestData.Root is null && !RankingTestData.IsCi) Skip = "../shared/data is absent (set CI=true to make this a failure).";
    }
}
