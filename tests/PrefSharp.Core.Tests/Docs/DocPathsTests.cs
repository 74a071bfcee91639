using System.Text.RegularExpressions;

namespace PrefSharp.Core.Tests.Docs;

/// <summary>
/// The map stays honest: every repository-relative path (a file or a folder under <c>src/</c>, <c>tests/</c> or
/// <c>bench/</c>) that the docs quote in backticks exists in the repository, so a newcomer reaches each method and
/// type in one hop.
/// </summary>
public sealed partial class DocPathsTests
{
    [Theory]
    [InlineData("docs/papers.md", 150)]
    [InlineData("docs/architecture.md", 30)]
    [InlineData("docs/results.md", 1)]
    public void Every_quoted_path_exists(string document, int fewestPaths)
    {
        string root = RepositoryRoot();
        string text = File.ReadAllText(Path.Combine(root, document));

        var paths = QuotedPaths(text);
        var missing = paths.Where(path => !Exists(root, path)).ToList();

        Assert.True(paths.Count >= fewestPaths, $"{document}: found {paths.Count} quoted paths, expected at least {fewestPaths}");
        Assert.True(missing.Count == 0, $"{document}: {missing.Count} path(s) do not exist: {string.Join(", ", missing)}");
    }

    [Fact]
    public void A_wrong_path_is_reported()
    {
        string root = RepositoryRoot();
        const string text = "| BT | `src/PrefSharp.Core/Ranking/BradleyTerry.cs`, `src/PrefSharp.Core/Ranking/NoSuchFit.cs` |\n"
            + "the folder `src/PrefSharp.Core/Ranking/` and `src/PrefSharp.Core/NoSuchFolder/`; not a path: `score.weight`";

        var paths = QuotedPaths(text);

        Assert.Equal(["src/PrefSharp.Core/Ranking/BradleyTerry.cs", "src/PrefSharp.Core/Ranking/NoSuchFit.cs",
            "src/PrefSharp.Core/Ranking/", "src/PrefSharp.Core/NoSuchFolder/"], paths);
        Assert.Equal(["src/PrefSharp.Core/Ranking/NoSuchFit.cs", "src/PrefSharp.Core/NoSuchFolder/"],
            paths.Where(path => !Exists(root, path)));
    }

    /// <summary>Backtick spans that are one repository-relative path, in order of appearance.</summary>
    private static List<string> QuotedPaths(string markdown) =>
        QuotedPath().Matches(markdown).Select(match => match.Groups["path"].Value).ToList();

    /// <summary>A path ending in '/' must be a folder; any other must be a file.</summary>
    private static bool Exists(string root, string path) => path.EndsWith('/')
        ? Directory.Exists(Path.Combine(root, path))
        : File.Exists(Path.Combine(root, path));

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "PrefSharp.sln"))) return folder.FullName;
        throw new InvalidOperationException($"no PrefSharp.sln above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex(@"`(?<path>(?:src|tests|bench)/[^`\s]+)`")]
    private static partial Regex QuotedPath();
}
