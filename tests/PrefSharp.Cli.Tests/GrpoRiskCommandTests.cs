using System.Text.Json;
using PrefSharp.Tests.Shared;

namespace PrefSharp.Cli.Tests;

/// <summary><c>prefsharp grpo --advantage riskpo</c> and <c>--steer</c>: a short run, and bad values named by their flag.</summary>
public sealed class GrpoRiskCommandTests
{
    [Fact]
    public void RiskPO_with_bundles_and_STEER_train_and_log_gold_every_step()
    {
        var (root, model, prompts) = TinyGymPolicy.Create("prefsharp-grpo-risk-", 4);
        var output = Path.Combine(root, "out");
        var run = CliRun.Of("grpo", "--prompts", prompts, "--model", model, "--reward", "gym:sorting", "--out", output,
            "--group-size", "4", "--prompts-per-step", "2", "--max-completion-length", "6", "--max-steps", "2", "--lr", "1e-3",
            "--advantage", "riskpo", "--risk-bundle-size", "2", "--risk-quantiles", "0.2,0.9", "--steer", "0.8,1.2");
        Assert.True(run.ExitCode == 0, run.Error);
        var lines = File.ReadAllLines(Path.Combine(output, "metrics.jsonl"));
        Assert.Equal(2, lines.Length);
        using var last = JsonDocument.Parse(lines[^1]);
        Assert.InRange(last.RootElement.GetProperty("reward/gold").GetDouble(), 0, 1);
    }

    [Theory]
    [InlineData("--risk-bundle-size", "3", "--risk-bundle-size")]     // does not divide 2 prompts per step
    [InlineData("--risk-quantiles", "0.9,0.2", "--risk-quantiles")]   // α ≥ β
    [InlineData("--risk-quantiles", "low", "--risk-quantiles")]
    public void Bad_risk_values_name_the_flag(string flag, string value, string named)
    {
        var (_, model, prompts) = TinyGymPolicy.Create("prefsharp-grpo-risk-bad-", 2);
        var run = CliRun.Of("grpo", "--prompts", prompts, "--model", model, "--reward", "gym:sorting", "--out", "x",
            "--prompts-per-step", "2", "--advantage", "riskpo", flag, value);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(named, run.Error);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Fact]
    public void A_reversed_steer_range_is_refused()
    {
        var (_, model, prompts) = TinyGymPolicy.Create("prefsharp-grpo-steer-bad-", 2);
        var run = CliRun.Of("grpo", "--prompts", prompts, "--model", model, "--reward", "gym:sorting", "--out", "x", "--steer", "1.2,0.8");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--steer: 1.2,0.8 is out of range", run.Error);
    }
}
