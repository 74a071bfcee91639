using System.Text.Json;
using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Training.Ppo;

namespace PrefSharp.Cli.Tests;

/// <summary>End to end on a tiny random GPT-2 with the byte-level tokenizer and the sorting world's gold utility.</summary>
public sealed class PpoCommandTests
{
    [Theory]
    [InlineData("ppo")]
    [InlineData("p3o")]
    public void Trains_with_the_gym_reward_logs_its_diagnostics_and_saves_the_value_model(string algorithm)
    {
        var (root, model, prompts) = TinyGymPolicy.Create("prefsharp-ppo-", 4);
        var output = Path.Combine(root, "out");
        var run = CliRun.Of("ppo", "--prompts", prompts, "--model", model, "--reward", "gym:sorting", "--out", output, "--algorithm", algorithm,
            "--prompts-per-step", "4", "--max-completion-length", "6", "--max-steps", "3", "--lr", "1e-3", "--ppo-epochs", "2",
            "--mini-batches", "2", "--micro-batch-size", "2");
        Assert.True(run.ExitCode == 0, run.Error);

        var lines = File.ReadAllLines(Path.Combine(output, "metrics.jsonl"));
        Assert.Equal(3, lines.Length);
        using var last = JsonDocument.Parse(lines[^1]);
        Assert.Equal(last.RootElement.GetProperty("reward/gold").GetDouble(), last.RootElement.GetProperty("reward/proxy").GetDouble(), 9);
        Assert.True(last.RootElement.GetProperty("kl/sequence").GetDouble() != 0, "the policy moved but its KL to --model is 0");
        using var summary = JsonDocument.Parse(run.Output);
        var checkpoint = summary.RootElement.GetProperty("checkpoint").GetString()!;
        using var reloaded = Checkpoint.Load(checkpoint);
        Assert.Equal(algorithm == "ppo", Directory.Exists(Path.Combine(checkpoint, PolicyWithValue.ValueFolder)));
    }

    [Fact]
    public void A_critic_that_is_not_a_reward_model_folder_is_a_one_line_error()
    {
        var (root, model, prompts) = TinyGymPolicy.Create("prefsharp-ppo-bad-", 2);
        var run = CliRun.Of("ppo", "--prompts", prompts, "--model", model, "--reward", "gym:sorting", "--out", Path.Combine(root, "out"),
            "--critic", "value-net");
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--critic: unknown value model 'value-net'; expected head or rm:DIR", run.Error);
        Assert.DoesNotContain("\n   at ", run.Error);
    }

    [Fact]
    public void An_odd_micro_batch_for_p3o_is_refused_before_any_file_is_read()
    {
        var run = CliRun.Of("ppo", "--prompts", "missing.txt", "--model", "missing", "--reward", "gym:sorting", "--out", "o",
            "--algorithm", "p3o", "--micro-batch-size", "3");
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("MicroBatchSize", run.Error);
    }
}
