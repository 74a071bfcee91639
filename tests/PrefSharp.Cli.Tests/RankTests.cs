using System.Text.Json;

namespace PrefSharp.Cli.Tests;

public sealed class RankTests
{
    [Fact]
    public void Without_files_it_ranks_the_gym_arena_in_the_true_order()
    {
        var run = CliRun.Of("rank", "--simulate-models", "5", "--simulate-battles", "3000", "--bootstrap", "50");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Kendall τ between the fitted ratings and the true strengths: 1.000", run.Output);
    }

    [Fact]
    public void Json_output_has_the_documented_fields_and_win_rates_against_the_baseline()
    {
        var run = CliRun.Of("rank", "--simulate-models", "4", "--simulate-battles", "2000", "--bootstrap", "0",
            "--baseline", "model-00", "--output", "json");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal("bt", json.RootElement.GetProperty("model").GetString());
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(4, items.Count);
        var baseline = items.Single(i => i.GetProperty("name").GetString() == "model-00");
        Assert.Equal(50.0, baseline.GetProperty("win_rate").GetDouble(), 6);
        foreach (var field in new[] { "rating_lo", "rating_hi", "rank_lo", "rank_hi", "win_rate_lo", "win_rate_hi", "wins", "ties", "losses" })
            Assert.True(items[0].TryGetProperty(field, out _), field);
    }

    [Fact]
    public void An_absent_baseline_and_unrankable_data_exit_2_with_the_reason()
    {
        var absent = CliRun.Of("rank", "--simulate-battles", "500", "--bootstrap", "0", "--baseline", "nobody");
        Assert.Equal(2, absent.ExitCode);
        Assert.Contains("'nobody'", absent.Error);

        var path = Path.Combine(Path.GetTempPath(), $"prefsharp-rank-{Guid.NewGuid():N}.jsonl");
        File.WriteAllText(path, """{"prompt": "p", "chosen": "a", "rejected": "b"}""" + "\n");
        try
        {
            var pairs = CliRun.Of("rank", path);
            Assert.Equal(2, pairs.ExitCode);
            Assert.Contains($"{path}:1", pairs.Error);
            Assert.Contains("without model names", pairs.Error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Alpaca_eval_annotations_get_alpaca_eval_win_rates_against_their_common_baseline()
    {
        var path = Path.Combine(Path.GetTempPath(), $"prefsharp-alpaca-{Guid.NewGuid():N}.json");
        static string Row(string model, double preference) =>
            $$"""{"instruction": "i", "output_1": "x", "generator_1": "base", "output_2": "y", "generator_2": "{{model}}", "preference": {{preference}}, "annotator": "judge"}""";
        File.WriteAllText(path, $"[{Row("m", 2)}, {Row("m", 1)}, {Row("m", 0)}, {Row("m", 1.75)}, {Row("n", 1.5)}, {Row("n", 1.5)}]");
        try
        {
            var run = CliRun.Of("rank", path, "--bootstrap", "0", "--output", "json");
            Assert.Equal(0, run.ExitCode);
            using var json = JsonDocument.Parse(run.Output);
            var items = json.RootElement.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("name").GetString()!);
            // m: soft scores 1, 0, ½, ¾ → 56.25 ± 21.35 (derivation in Core's PublishedLeaderboardTests); n: ½, ½ → 50 ± 0.
            Assert.Equal(56.25, items["m"].GetProperty("alpaca_win_rate").GetDouble(), 9);
            Assert.Equal(21.3478, items["m"].GetProperty("alpaca_standard_error").GetDouble(), 4);
            Assert.Equal(0.0, items["n"].GetProperty("alpaca_standard_error").GetDouble(), 9);
            Assert.False(items["base"].TryGetProperty("alpaca_win_rate", out _));
            Assert.Equal(50.0, items["base"].GetProperty("win_rate").GetDouble(), 9);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
