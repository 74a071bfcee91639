namespace PrefSharp.Cli.Tests;

/// <summary>On input larger than an interval method can take, rank names the limit in one line instead of failing inside.</summary>
public sealed class RankLargeInputTests
{
    [Fact]
    public void Sandwich_intervals_for_more_items_than_the_dense_limit_are_refused_in_one_line()
    {
        // A ring of 2,001 items (each beats and loses to a neighbour): connected, every estimate finite.
        var path = Path.Combine(Path.GetTempPath(), $"prefsharp-ring-{Guid.NewGuid():N}.jsonl");
        const int items = 2001;
        File.WriteAllLines(path, Enumerable.Range(0, items).SelectMany(k => new[]
        {
            $$"""{"model_a": "m{{k}}", "model_b": "m{{(k + 1) % items}}", "winner": "model_a"}""",
            $$"""{"model_a": "m{{k}}", "model_b": "m{{(k + 1) % items}}", "winner": "model_b"}""",
        }));
        try
        {
            var run = CliRun.Of("rank", path, "--bootstrap", "0");
            Assert.Equal(2, run.ExitCode);
            var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("error: sandwich intervals: 2,001 items", line);
            Assert.Contains("expected at most 2,000 items", line);
            Assert.Contains("--bootstrap", line);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_bad_line_in_a_streamed_battle_log_is_one_line_naming_file_line_and_field()
    {
        var path = Path.Combine(Path.GetTempPath(), $"prefsharp-bad-{Guid.NewGuid():N}.jsonl");
        File.WriteAllLines(path, [
            """{"model_a": "a", "model_b": "b", "winner": "model_a"}""",
            """{"model_a": "a", "model_b": 3, "winner": "model_b"}""",
        ]);
        try
        {
            var run = CliRun.Of("rank", path, "--bootstrap", "0");
            Assert.Equal(2, run.ExitCode);
            Assert.StartsWith($"error: {path}:2: model_b: wrong type", Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
