namespace PrefSharp.Core.Tests;

/// <summary>A temporary folder for a test's files, deleted on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Root);

    public string Root { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "prefsharp-tests-" + Guid.NewGuid().ToString("N"));

    public string Path(string name) => System.IO.Path.Combine(Root, name);

    /// <summary>Writes <paramref name="content"/> (UTF-8, no BOM) to a file in the folder; returns its path.</summary>
    public string Write(string name, string content)
    {
        var path = Path(name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>The names of the files in the folder (to check that nothing, not even a temporary file, was left).</summary>
    public string[] FileNames() => Directory.GetFiles(Root).Select(System.IO.Path.GetFileName).ToArray()!;

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
