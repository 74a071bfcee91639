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
}
