namespace PrefSharp.Core.Tests;

/// <summary>
/// Locates the shared real data (<c>../shared/data</c> beside the repository root, the folder holding PrefSharp.sln).
/// Tests that need it use <see cref="SharedDataFactAttribute"/> / <see cref="SharedDataTheoryAttribute"/>: skipped with a
/// reason when it is absent, but run (and fail) when the environment variable CI is "true".
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string?> Root = new(FindRoot);

    /// <summary>The data folder, or null when absent.</summary>
    public static string? Folder => Root.Value;

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The reason to skip, or null when the test must run (data present, or CI).</summary>
    public static string? SkipReason => Folder is null && !IsCi ? "../shared/data not found beside the repository (set CI=true to make this a failure)" : null;

    /// <summary>A path under the data folder; fails when the folder is absent (which only happens here under CI=true).</summary>
    public static string Path(string relative) => System.IO.Path.Combine(
        Folder ?? throw new InvalidOperationException("../shared/data is absent, and CI=true requires it"), relative);

    private static string? FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "PrefSharp.sln")))
            {
                var data = System.IO.Path.GetFullPath(System.IO.Path.Combine(directory.FullName, "..", "shared", "data"));
                return Directory.Exists(data) ? data : null;
            }
        }
        return null;
    }
}
