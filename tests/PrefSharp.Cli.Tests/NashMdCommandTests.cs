using System.Text.Json;

namespace PrefSharp.Cli.Tests;

/// <summary>nash-md end to end on the tiny byte-level GPT-2 against the intransitive world's preference.</summary>
public sealed class NashMdCommandTests
{
    [Fact]
    public void Trains_against_the_mixture_under_a_gym_preference_and_logs_the_game_every_step()
    {
        var (root, model, prompts) = TinyGymPolicy.Create("prefsharp-nashmd-", 3);
        var output = Path.Combine(root, "out");
        var run = CliRun.Of("nash-md", "--prompts", prompts, "--model", model, "--preference", "gym:intransitive", "--out", output,
            "--prompts-per-step", "3", "--max-completion-length", "6", "--max-steps", "2", "--lr", "1e-3", "--mixture", "0.25");
        Assert.True(run.ExitCode == 0, run.Error);
        var lines = File.ReadAllLines(Path.Combine(output, "metrics.jsonl"));
        Assert.Equal(2, lines.Length);
        using var last = JsonDocument.Parse(lines[^1]);
        Assert.InRange(last.RootElement.GetProperty("nash/preference_vs_opponent").GetDouble(), 0, 1);
        Assert.True(last.RootElement.TryGetProperty("reward/gold", out _), "a gym preference logs the world's gold utility");
        using var summary = JsonDocument.Parse(run.Output);
        Assert.EndsWith("checkpoint-2", summary.RootElement.GetProperty("checkpoint").GetString());
        Assert.Equal("gym-intransitive-preference", summary.RootElement.GetProperty("preference").GetString());
    }

    [Fact]
    public void A_mixture_coefficient_outside_zero_to_one_is_a_one_line_error()
    {
        var (root, model, prompts) = TinyGymPolicy.Create("prefsharp-nashmd-bad-", 1);
        var run = CliRun.Of("nash-md", "--prompts", prompts, "--model", model, "--preference", "gym:intransitive", "--out",
            Path.Combine(root, "out"), "--mixture", "1.5");
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("MixtureCoefficient", run.Error);
        Assert.Single(run.Error.Trim().Split('\n'));
    }
}
