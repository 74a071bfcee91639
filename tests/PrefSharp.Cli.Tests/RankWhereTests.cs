using System.Text.Json;

namespace PrefSharp.Cli.Tests;

/// <summary><c>rank --where</c>: only the matching battles are ranked; a bad or empty condition is one line, exit 2.</summary>
public sealed class RankWhereTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("prefsharp-where-").FullName;

    /// <summary>Arena rows: x beats y 6 times in English; y beats x 4 times in German.</summary>
    private string Write()
    {
        var rows = Enumerable.Repeat("""{"model_a": "x", "model_b": "y", "winner": "model_a", "language": "English", "turn": 1}""", 6)
            .Concat(Enumerable.Repeat("""{"model_a": "x", "model_b": "y", "winner": "model_b", "language": "German", "turn": 2}""", 4));
        var path = Path.Combine(folder, "arena.jsonl");
        File.WriteAllLines(path, rows);
        return path;
    }

    [Fact]
    public void Only_matching_battles_are_ranked()
    {
        var path = Write();
        var run = CliRun.Of("rank", path, "--where", "language == 'German' and turn >= 2", "--bootstrap", "0", "--prior", "0.1", "--output", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("name").GetString()!);
        Assert.Equal(4, items["y"].GetProperty("wins").GetInt64());
        Assert.Equal(0, items["x"].GetProperty("wins").GetInt64());
        Assert.Equal(4, items["x"].GetProperty("battles").GetInt64());
    }

    [Fact]
    public void A_condition_nothing_matches_or_that_does_not_parse_is_one_line_with_exit_2()
    {
        var path = Write();
        var none = CliRun.Of("rank", path, "--where", "language == 'French'", "--bootstrap", "0");
        var bad = CliRun.Of("rank", path, "--where", "language === 'French'", "--bootstrap", "0");
        Assert.Equal((2, 2), (none.ExitCode, bad.ExitCode));
        Assert.Contains("error: --where: no record matches \"language == 'French'\"", none.Error);
        Assert.Contains("error: --where: column 12: unknown operator", bad.Error);
        Assert.DoesNotContain("(Parameter", bad.Error + none.Error);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
