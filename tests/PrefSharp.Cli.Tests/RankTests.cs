using System.Text.Json;
using PrefSharp.Core.Data;

namespace PrefSharp.Cli.Tests;

public sealed class RankTests
{
    [Fact]
    public void Without_files_it_ranks_the_gym_arena_in_the_true_order()
    {
        var run = CliRun.Of("rank", "--simulate-models", "5", "--simulate-battles", "3000", "--bootstrap", "100");
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

    /// <summary>Rock–paper–scissors with 80% majorities: a Condorcet cycle, and the maximal lottery is uniform (by symmetry).</summary>
    [Fact]
    public void Gpm_analysis_finds_a_planted_cycle_and_its_uniform_maximal_lottery()
    {
        var battles = new List<Battle>();
        foreach (var (winner, loser) in new[] { ("rock", "scissors"), ("scissors", "paper"), ("paper", "rock") })
            for (int k = 0; k < 50; k++)
                battles.Add(new Battle(winner, loser, k % 5 == 0 ? BattleOutcome.B : BattleOutcome.A));
        var run = RunOnBattles(battles, "--model", "gpm", "--output", "json");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var cycle = Assert.Single(json.RootElement.GetProperty("cycles").EnumerateArray());
        Assert.Equal(0.6, cycle.GetProperty("strength").GetDouble(), 9);   // margin 0.8 − 0.2 on every edge
        foreach (var p in json.RootElement.GetProperty("maximal_lottery").EnumerateObject())
            Assert.Equal(1 / 3.0, p.Value.GetDouble(), 6);
        Assert.True(json.RootElement.GetProperty("log_likelihood_gain").GetDouble() > 10, "a cycle is what Bradley–Terry cannot fit");
        Assert.True(json.RootElement.GetProperty("significant_gain").GetBoolean());
        // n = 3, k = 1: df = 2·3 − 3 − 2 = 1; a transitive arena's gain must not pass the test.
        Assert.Equal(1, json.RootElement.GetProperty("extra_parameters").GetInt32());
        var transitive = CliRun.Of("rank", "--model", "gpm", "--simulate-models", "5", "--output", "json");
        using var plain = JsonDocument.Parse(transitive.Output);
        Assert.False(plain.RootElement.GetProperty("significant_gain").GetBoolean());
    }

    /// <summary>Two annotator groups with opposite tastes: the mixture finds both and ranks each group's favourite first.</summary>
    [Fact]
    public void Mixture_analysis_separates_annotator_groups_with_opposite_preferences()
    {
        var random = new Random(1);
        var battles = new List<Battle>();
        for (int k = 0; k < 1200; k++)
        {
            var judge = $"rater-{k % 8}";
            var concise = k % 8 < 4;
            var (a, b) = random.Next(2) == 0 ? ("short", "long") : ("long", "short");
            var aWins = (a == "short") == concise ? random.NextDouble() < 0.85 : random.NextDouble() < 0.15;
            battles.Add(new Battle(a, b, aWins ? BattleOutcome.A : BattleOutcome.B) { Judge = judge });
            battles.Add(new Battle("short", "middle", BattleOutcome.Tie) { Judge = judge });
        }
        var run = RunOnBattles(battles, "--model", "mixture", "--output", "json");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(2, json.RootElement.GetProperty("groups_selected").GetInt32());
        var favourites = json.RootElement.GetProperty("groups").EnumerateArray()
            .Select(g => g.GetProperty("items")[0].GetProperty("name").GetString()).Order().ToList();
        Assert.Equal(["long", "short"], favourites);

        var table = RunOnBattles(battles, "--model", "mixture");
        Assert.Contains("MaxMin (egalitarian) winner:", table.Output);
        var anonymous = RunOnBattles(battles.Select(b => b with { Judge = null }).ToList(), "--model", "mixture");
        Assert.Equal(2, anonymous.ExitCode);
        Assert.Contains("judge ids", anonymous.Error);
    }

    private static CliRun RunOnBattles(List<Battle> battles, params string[] arguments)
    {
        var path = Path.Combine(Path.GetTempPath(), $"prefsharp-battles-{Guid.NewGuid():N}.jsonl");
        BattleJsonlWriter.Write(path, battles);
        try
        {
            return CliRun.Of(["rank", path, .. arguments]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
