namespace PrefSharp.Core.Tests.Ranking.B;

/// <summary>Finds ../shared/data beside the folder holding PrefSharp.sln, walking up from the test assembly.</summary>
internal static class SharedDataLocator
{
    public static string? DataRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PrefSharp.sln"))) dir = dir.Parent;
        if (dir?.Parent is null) return null;
        var data = Path.Combine(dir.Parent.FullName, "shared", "data");
        return Directory.Exists(data) ? data : null;
    }

    /// <summary>The full path of a file under shared/data, or null when absent.</summary>
    public static string? Find(string relativePath)
    {
        var root = DataRoot();
        if (root is null) return null;
        var path = Path.Combine(root, relativePath);
        return File.Exists(path) ? path : null;
    }

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A fact that is skipped (with the reason) when a shared-data file is absent, unless CI=true, where it runs and fails.</summary>
internal sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(string relativePath)
    {
        if (SharedDataLocator.Find(relativePath) is null && !SharedDataLocator.IsCi)
            Skip = $"../shared/data/{relativePath} is absent (set CI=true to make this a failure).";
    }
}
