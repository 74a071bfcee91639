using System.Text.Json;

namespace PrefSharp.Cli.Tests;

/// <summary>Bootstrap settings that cannot give an honest interval are refused with one line; AlpacaEval self-comparisons rank.</summary>
public sealed class RankIntervalTests
{
    [Theory]
    [InlineData("1", "too few")]
    [InlineData("99", "too few")]
    [InlineData("-1", "negative")]
    public void Too_few_or_negative_bootstrap_rounds_are_refused_with_one_line(string rounds, string problem)
    {
        var run = CliRun.Of("rank", "--simulate-battles", "200", "--bootstrap", rounds);
        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: --bootstrap: {rounds}", line);
        Assert.Contains(problem, line);
        Assert.Contains("at least 100", line);
    }

    [Fact]
    public void A_round_count_whose_draws_exceed_the_memory_bound_is_refused_before_any_round_runs()
    {
        var run = CliRun.Of("rank", "--simulate-models", "5", "--simulate-battles", "50", "--bootstrap", "1000000000");
        Assert.Equal(2, run.ExitCode);
        // 2^30 bytes / (28 bytes × 5 items) = 7,669,584 rounds.
        Assert.Contains("expected at most 7,669,584 rounds", Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public void The_smallest_accepted_bootstrap_gives_intervals_that_contain_every_estimate()
    {
        var run = CliRun.Of("rank", "--simulate-models", "6", "--simulate-battles", "600", "--bootstrap", "100", "--output", "json");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        foreach (var item in json.RootElement.GetProperty("items").EnumerateArray())
        {
            double rating = item.GetProperty("rating").GetDouble();
            Assert.InRange(rating, item.GetProperty("rating_lo").GetDouble(), item.GetProperty("rating_hi").GetDouble());
        }
    }

    /// <summary>The baseline judged against itself (1.5: neither better) is AlpacaEval's 50 %, and the fit ignores it.</summary>
    [Fact]
    public void Alpaca_eval_self_comparisons_score_the_baseline_at_fifty_percent_and_leave_the_fit_alone()
    {
        static string Row(string model, double preference) =>
            $$"""{"instruction": "i", "output_1": "x", "generator_1": "base", "output_2": "y", "generator_2": "{{model}}", "preference": {{preference}}, "annotator": "judge"}""";
        string[] battles = [Row("m", 2), Row("m", 1), Row("m", 1.75)];
        var withSelf = RankJson($"[{string.Join(", ", battles)}, {Row("base", 1.5)}, {Row("base", 1.5)}]");
        var without = RankJson($"[{string.Join(", ", battles)}]");

        Assert.Equal(50.0, withSelf["base"].GetProperty("alpaca_win_rate").GetDouble(), 12);
        Assert.Equal(0.0, withSelf["base"].GetProperty("alpaca_standard_error").GetDouble(), 12);
        Assert.Equal(3, withSelf["base"].GetProperty("battles").GetInt32());
        foreach (var field in new[] { "rating", "win_rate", "alpaca_win_rate" })
            Assert.Equal(without["m"].GetProperty(field).GetDouble(), withSelf["m"].GetProperty(field).GetDouble(), 12);
    }

    [Fact]
    public void A_self_comparison_in_a_battle_format_stays_an_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"prefsharp-self-{Guid.NewGuid():N}.jsonl");
        File.WriteAllLines(path, [
            """{"model_a": "a", "model_b": "b", "winner": "model_a"}""",
            """{"model_a": "a", "model_b": "b", "winner": "model_b"}""",
            """{"model_a": "a", "model_b": "a", "winner": "tie"}""",
        ]);
        try
        {
            var run = CliRun.Of("rank", path, "--bootstrap", "0");
            Assert.Equal(2, run.ExitCode);
            Assert.Contains($"{path}:3: model_b: item compared with itself", run.Error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static Dictionary<string, JsonElement> RankJson(string annotations)
    {
        var path = Path.Combine(Path.GetTempPath(), $"prefsharp-alpaca-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, annotations);
        try
        {
            var run = CliRun.Of("rank", path, "--bootstrap", "0", "--output", "json");
            Assert.Equal(0, run.ExitCode);
            using var json = JsonDocument.Parse(run.Output);
            return json.RootElement.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("name").GetString()!, i => i.Clone());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
