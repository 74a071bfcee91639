using System.Text.Json;
using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Tokenization;

namespace PrefSharp.Cli.Tests;

/// <summary><c>grpo</c> with several rewards, PAR, a constraint, and every loss flag: each reachable and doing what it says.</summary>
public sealed class GrpoDefencesCommandTests
{
    private static (string Model, string Prompts, string RewardModel) Setup()
    {
        var (root, model, prompts) = TinyGymPolicy.Create("prefsharp-grpo-def-", 3);
        var rm = Path.Combine(root, "rm");
        TorchSharp.torch.manual_seed(7);
        using (var rewardModel = new RewardModel(new RewardModelConfig { Backbone = ModelConfigJson.Parse(TinyGymPolicy.Config) })) RewardCheckpoint.Save(rewardModel, rm);
        TokenizerFiles.SaveByteLevel(new ByteLevelTokenizer(), rm);
        return (model, prompts, rm);
    }

    [Fact]
    public void Two_weighted_rewards_with_par_and_a_constraint_log_the_multiplier_and_its_projected_step()
    {
        var (model, prompts, rm) = Setup();
        var output = Path.Combine(Path.GetDirectoryName(model)!, "out");
        var run = CliRun.Of("grpo", "--prompts", prompts, "--model", model, "--reward", "gym:sorting@0.5", "--reward", $"rm:{rm}@2",
            "--shaping", "par", "--reference-samples", "2", "--constraint", "2:-1", "--constraint-lr", "0.5", "--out", output,
            "--group-size", "2", "--prompts-per-step", "2", "--max-completion-length", "4", "--max-steps", "3");
        Assert.True(run.ExitCode == 0, run.Error);
        using var summary = JsonDocument.Parse(run.Output);
        Assert.Equal("gym-sorting+rm/par/constrained", summary.RootElement.GetProperty("reward").GetString());
        var lines = File.ReadAllLines(Path.Combine(output, "metrics.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(3, lines.Length);
        var lambda = 0.0;
        foreach (var line in lines)
        {
            // λ used at this step, then λ ← max(0, λ + η·(mean r_2 − θ)) with the step's logged mean of the raw RM reward.
            Assert.Equal(lambda, line.GetProperty("constraint/term_1/lambda").GetDouble(), 12);
            var mean = line.GetProperty("reward/term_1/rm").GetDouble();
            Assert.Equal(mean + 1, line.GetProperty("constraint/term_1/violation").GetDouble(), 12);
            lambda = Math.Max(0, lambda + 0.5 * (mean + 1));
            // The proxy is the weighted sum of the raw terms: 0.5·gold + 2·rm.
            Assert.Equal(0.5 * line.GetProperty("reward/gold").GetDouble() + 2 * mean, line.GetProperty("reward/proxy").GetDouble(), 9);
        }
    }

    [Fact]
    public void A_constrained_run_resumed_from_step_two_ends_with_the_same_policy_as_four_straight_steps()
    {
        // The multipliers travel in lagrange_multipliers.json beside each checkpoint; without them the resumed run would
        // restart at λ = 0 and train on a different reward from step 3 on.
        var (model, prompts, rm) = Setup();
        var root = Path.GetDirectoryName(model)!;
        string[] Args(string output, int steps) => ["grpo", "--prompts", prompts, "--model", model, "--reward", "gym:sorting", "--reward", $"rm:{rm}",
            "--constraint", "2:-100", "--constraint-lr", "0.5", "--out", output, "--group-size", "2", "--prompts-per-step", "2",
            "--max-completion-length", "4", "--max-steps", steps.ToString(), "--lr", "1e-2", "--save-every", "1"];
        Assert.Equal(0, CliRun.Of(Args(Path.Combine(root, "straight"), 4)).ExitCode);
        var split = Path.Combine(root, "split");
        Assert.Equal(0, CliRun.Of(Args(split, 2)).ExitCode);
        var second = CliRun.Of([.. Args(split, 4), "--resume"]);
        Assert.True(second.ExitCode == 0, second.Error);
        var lambda = JsonSerializer.Deserialize<double[]>(File.ReadAllText(Path.Combine(split, "checkpoint-2", "lagrange_multipliers.json")))!;
        Assert.True(lambda[0] > 0, "the RM's reward sits above −100, so its multiplier must have risen");
        Assert.Equal(File.ReadAllBytes(Path.Combine(root, "straight", "checkpoint-4", "model.safetensors")),
            File.ReadAllBytes(Path.Combine(split, "checkpoint-4", "model.safetensors")));
    }

    [Theory]
    [InlineData("--loss-type", "cispo", "--epsilon-high", "5")]
    [InlineData("--loss-type", "sapo", "--sapo-temperature-neg", "2")]
    [InlineData("--loss-type", "luspo", "--importance-sampling", "sequence")]
    [InlineData("--delta", "1.5", "--top-entropy-quantile", "0.2")]
    [InlineData("--entropy-coef", "0.01", "--mask-truncated-completions")]
    [InlineData("--reward-aggregation", "normalize-then-sum", "--reward", "gym:sorting@3")]
    [InlineData("--reward-aggregation", "log-sigmoid", "--reward", "gym:sorting@3")]
    [InlineData("--reward-aggregation", "log-tamed", "--reward", "gym:sorting@3")]
    public void Every_loss_and_aggregation_flag_trains(params string[] flags)
    {
        var (model, prompts, _) = Setup();
        var run = CliRun.Of(["grpo", "--prompts", prompts, "--model", model, "--reward", "gym:sorting", "--out", Path.Combine(Path.GetDirectoryName(model)!, "out"),
            "--group-size", "2", "--max-completion-length", "4", "--max-steps", "1", "--iterations", "2", .. flags]);
        Assert.True(run.ExitCode == 0, run.Error);
    }

    [Theory]
    [InlineData("CISPO caps the ratio at ε_max = EpsilonHigh", "--loss-type", "cispo")]
    [InlineData("--constraint must be K:THRESHOLD", "--constraint", "two:1")]
    [InlineData("constraint on term 3", "--constraint", "3:1")]
    public void Bad_flags_are_refused_with_a_one_line_reason(string message, params string[] flags)
    {
        var (model, prompts, _) = Setup();
        var run = CliRun.Of(["grpo", "--prompts", prompts, "--model", model, "--reward", "gym:sorting", "--out", Path.Combine(Path.GetDirectoryName(model)!, "x"), .. flags]);
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(message, run.Error);
    }
}
