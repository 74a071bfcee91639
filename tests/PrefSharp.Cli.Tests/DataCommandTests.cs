using System.Text.Json;

namespace PrefSharp.Cli.Tests;

public sealed class DataCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("prefsharp-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Inspect_json_reports_format_records_and_agreement()
    {
        var path = Write("arena.jsonl", string.Join('\n',
            """{"question_id": "q1", "model_a": "x", "model_b": "y", "winner": "model_a", "judge": "j1"}""",
            """{"question_id": "q1", "model_a": "x", "model_b": "y", "winner": "model_a", "judge": "j2"}""",
            """{"question_id": "q2", "model_a": "x", "model_b": "y", "winner": "model_b", "judge": "j1"}""",
            """{"question_id": "q2", "model_a": "x", "model_b": "y", "winner": "model_b", "judge": "j2"}"""));
        var run = CliRun.Of("data", "inspect", path, "--output", "json");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(4, json.RootElement.GetProperty("records").GetInt64());
        Assert.Equal("arena", json.RootElement.GetProperty("format").GetString());
        var kappa = json.RootElement.GetProperty("cohen_kappa").EnumerateArray().Single();
        Assert.Equal(1.0, kappa.GetProperty("kappa").GetDouble(), 9); // two annotators, perfect agreement
    }

    [Fact]
    public void Convert_stops_at_the_first_bad_record_writes_nothing_and_skip_invalid_counts_it()
    {
        var input = Write("pairs.jsonl", """{"prompt": "p", "chosen": "a", "rejected": "b"}""" + "\n" + """{"prompt": "p", "chosen": "same", "rejected": "same"}""" + "\n");
        var output = Path.Combine(_folder, "out.jsonl");

        var strict = CliRun.Of("data", "convert", input, output);
        Assert.Equal(2, strict.ExitCode);
        Assert.Contains($"{input}:2: rejected:", strict.Error);
        Assert.False(File.Exists(output));

        var lenient = CliRun.Of("data", "convert", input, output, "--skip-invalid", "--to", "trl");
        Assert.Equal(0, lenient.ExitCode);
        Assert.Contains("wrote 1 record(s) as trl", lenient.Output);
        Assert.Contains("1  chosen identical to rejected", lenient.Error);
        Assert.Single(File.ReadAllLines(output));
    }
}
