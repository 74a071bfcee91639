namespace PrefSharp.Cli.Tests;

/// <summary>prefsharp sft: registered, and bad options are refused with the option's name before any work.</summary>
public sealed class SftCommandTests
{
    [Fact]
    public void Help_lists_the_model_and_training_options()
    {
        var run = CliRun.Of("sft", "--help");
        Assert.Equal(0, run.ExitCode);
        foreach (var option in new[] { "--data", "--model", "--preset", "--out", "--lr", "--grad-accum", "--resume", "--keep-last" })
            Assert.Contains(option, run.Output);
    }

    [Fact]
    public void Neither_a_checkpoint_nor_a_preset_is_a_usage_error()
    {
        var run = CliRun.Of("sft", "--data", "x.jsonl", "--out", "out");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--model DIR", run.Error);
    }

    [Fact]
    public void Both_a_checkpoint_and_a_preset_is_a_usage_error()
    {
        var run = CliRun.Of("sft", "--data", "x.jsonl", "--out", "out", "--model", ".", "--preset", "tiny");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cannot be combined", run.Error);
    }

    [Fact]
    public void An_invalid_training_option_is_named()
    {
        var run = CliRun.Of("sft", "--data", "x.jsonl", "--out", "out", "--preset", "tiny", "--lr", "0");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("LearningRate", run.Error);
    }
}
