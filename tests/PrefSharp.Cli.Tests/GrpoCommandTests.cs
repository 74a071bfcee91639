using System.Text.Json;
using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Tokenization;
using static TorchSharp.torch;

namespace PrefSharp.Cli.Tests;

/// <summary>End to end on a tiny random GPT-2 with the byte-level tokenizer (257 ids) and the sorting world's gold utility.</summary>
public sealed class GrpoCommandTests
{
    private static (string Model, string Prompts) Setup()
    {
        var (root, model, prompts) = TinyGymPolicy.Create("prefsharp-grpo-", 4);
        return (model, prompts);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Trains_on_prompt_only_data_with_the_gym_reward_and_logs_gold_every_step(bool pairwise)
    {
        var (model, prompts) = Setup();
        var output = Path.Combine(Path.GetDirectoryName(model)!, "out");
        string[] args = ["grpo", "--prompts", prompts, "--model", model, "--reward", "gym:sorting", "--out", output,
            "--group-size", "4", "--prompts-per-step", "2", "--max-completion-length", "6", "--max-steps", "3",
            "--lr", "1e-3", "--beta", "0.04", "--iterations", "2"];
        var run = CliRun.Of(pairwise ? [.. args, "--pairwise"] : args);
        Assert.True(run.ExitCode == 0, run.Error);

        var lines = File.ReadAllLines(Path.Combine(output, "metrics.jsonl"));
        Assert.Equal(3, lines.Length);
        using var last = JsonDocument.Parse(lines[^1]);
        var gold = last.RootElement.GetProperty("reward/gold").GetDouble();
        Assert.InRange(gold, 0, 1);                                           // the sorting utility lies in [0, 1]
        var proxy = last.RootElement.GetProperty("reward/proxy").GetDouble();
        if (pairwise) Assert.Equal(0.5, proxy, 9);                            // win rates of a group average ½ exactly
        else Assert.Equal(gold, proxy, 9);                                    // trained on the gold utility itself
        using var summary = JsonDocument.Parse(run.Output);
        var checkpoint = summary.RootElement.GetProperty("checkpoint").GetString()!;
        using var reloaded = Checkpoint.Load(checkpoint);                    // loads on its own, tokenizer beside it
        Assert.Equal(257, TokenizerFiles.Load(checkpoint).VocabularySize);
    }

    [Fact]
    public void A_kl_budget_stops_the_run_early_and_the_summary_says_so()
    {
        // At lr 5e-2 the tiny policy leaves the reference within a few steps; a 0.05-nat budget over the 5-step trailing
        // mean is met long before step 40, and the run's last checkpoint is the step it stopped at.
        var (model, prompts) = Setup();
        var output = Path.Combine(Path.GetDirectoryName(model)!, "out-kl");
        var run = CliRun.Of("grpo", "--prompts", prompts, "--model", model, "--reward", "gym:sorting", "--out", output,
            "--group-size", "4", "--prompts-per-step", "2", "--max-completion-length", "6", "--max-steps", "40", "--lr", "5e-2", "--kl-budget", "0.05");
        Assert.True(run.ExitCode == 0, run.Error);
        using var summary = JsonDocument.Parse(run.Output);
        Assert.True(summary.RootElement.GetProperty("stopped_at_kl_budget").GetBoolean());
        var steps = summary.RootElement.GetProperty("steps").GetInt64();
        Assert.InRange(steps, 5, 39);
        Assert.EndsWith($"checkpoint-{steps}", summary.RootElement.GetProperty("checkpoint").GetString());
        var kls = File.ReadAllLines(Path.Combine(output, "metrics.jsonl")).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("kl/sequence").GetDouble()).ToArray();
        Assert.True(kls.TakeLast(5).Average() >= 0.05, $"stopped at a trailing KL of {kls.TakeLast(5).Average():F4}");
        Assert.Contains("reached the budget", run.Error);
    }

    [Fact]
    public void A_non_positive_kl_budget_is_refused_with_the_flag_named()
    {
        var (model, prompts) = Setup();
        var run = CliRun.Of("grpo", "--prompts", prompts, "--model", model, "--reward", "gym:sorting", "--out", Path.Combine(Path.GetDirectoryName(model)!, "x"),
            "--kl-budget", "0");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("KlBudget", run.Error);
    }

    [Fact]
    public void A_reward_model_folder_is_a_reward_and_the_gym_world_still_logs_gold()
    {
        var (model, prompts) = Setup();
        var rm = Path.Combine(Path.GetDirectoryName(model)!, "rm");
        using (var rewardModel = new PrefSharp.Torch.Rewards.RewardModel(new PrefSharp.Torch.Rewards.RewardModelConfig { Backbone = ModelConfigJson.Parse(TinyGymPolicy.Config) }))
            PrefSharp.Torch.Rewards.RewardCheckpoint.Save(rewardModel, rm);
        TokenizerFiles.SaveByteLevel(new ByteLevelTokenizer(), rm);
        var output = Path.Combine(Path.GetDirectoryName(model)!, "out-rm");
        var run = CliRun.Of("grpo", "--prompts", prompts, "--model", model, "--reward", $"rm:{rm}", "--gold", "sorting", "--out", output,
            "--group-size", "2", "--max-completion-length", "4", "--max-steps", "1", "--advantage", "rloo");
        Assert.True(run.ExitCode == 0, run.Error);
        using var line = JsonDocument.Parse(File.ReadAllLines(Path.Combine(output, "metrics.jsonl"))[0]);
        Assert.True(line.RootElement.TryGetProperty("reward/gold", out _));
        using var summary = JsonDocument.Parse(run.Output);
        Assert.Equal("rm", summary.RootElement.GetProperty("reward").GetString());
    }

    [Fact]
    public void Two_steps_then_resume_to_four_writes_the_same_policy_as_four_straight_steps()
    {
        var (model, prompts) = Setup();
        var root = Path.GetDirectoryName(model)!;
        string[] Args(string output, int steps) => ["grpo", "--prompts", prompts, "--model", model, "--reward", "gym:sorting", "--out", output,
            "--group-size", "2", "--prompts-per-step", "3", "--max-completion-length", "4", "--max-steps", steps.ToString(),
            "--lr", "1e-2", "--save-every", "1", "--keep-last", "2"];
        var straight = CliRun.Of(Args(Path.Combine(root, "straight"), 4));
        Assert.True(straight.ExitCode == 0, straight.Error);
        var split = Path.Combine(root, "split");
        var first = CliRun.Of(Args(split, 2));
        Assert.True(first.ExitCode == 0, first.Error);
        var second = CliRun.Of([.. Args(split, 4), "--resume"]);
        Assert.True(second.ExitCode == 0, second.Error);

        Assert.Equal(["checkpoint-3", "checkpoint-4"], Directory.GetDirectories(split, "checkpoint-*").Select(Path.GetFileName).Order());
        Assert.Equal(4, File.ReadAllLines(Path.Combine(split, "metrics.jsonl")).Length);   // 2 + 2 lines, appended
        var expected = File.ReadAllBytes(Path.Combine(root, "straight", "checkpoint-4", "model.safetensors"));
        Assert.Equal(expected, File.ReadAllBytes(Path.Combine(split, "checkpoint-4", "model.safetensors")));
        Assert.NotEqual(expected, File.ReadAllBytes(Path.Combine(root, "straight", "checkpoint-3", "model.safetensors")));   // step 4 moved the weights
        Assert.Equal(257, TokenizerFiles.Load(Path.Combine(split, "checkpoint-3")).VocabularySize);   // every checkpoint usable alone
    }

    [Fact]
    public void Bad_reward_names_the_option_and_the_forms()
    {
        var (model, prompts) = Setup();
        var run = CliRun.Of("grpo", "--prompts", prompts, "--model", model, "--reward", "oracle", "--out", "x");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--reward must be gym:WORLD", run.Error);
    }
}
