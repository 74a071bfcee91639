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

    /// <summary>
    /// From scratch (byte-level tokenizer) on prompts that all answer "ok!": the held-out loss drops far below the
    /// uniform ln 257 = 5.55 nats per token, and the final checkpoint carries its tokenizer, so <c>generate</c> loads it
    /// alone and answers "ok!" greedily to a prompt it never saw.
    /// </summary>
    [Fact]
    public void From_scratch_sft_learns_the_completion_and_its_checkpoint_generates_it()
    {
        var folder = Directory.CreateTempSubdirectory("prefsharp-sft-").FullName;
        try
        {
            var data = Path.Combine(folder, "train.jsonl");
            var heldOut = Path.Combine(folder, "eval.jsonl");
            File.WriteAllLines(data, Enumerable.Range(0, 48).Select(k => $$"""{"prompt": "q{{k}}?", "completion": "ok!"}"""));
            File.WriteAllLines(heldOut, Enumerable.Range(100, 8).Select(k => $$"""{"prompt": "q{{k}}?", "completion": "ok!"}"""));
            var output = Path.Combine(folder, "run");
            var run = CliRun.Of("sft", "--data", data, "--eval-data", heldOut, "--width", "32", "--depth", "1", "--heads", "2",
                "--out", output, "--max-steps", "60", "--lr", "0.01", "--warmup", "5", "--batch-size", "8", "--log-every", "20", "--seed", "1");
            Assert.True(run.ExitCode == 0, run.Error);
            var heldOutLoss = double.Parse(System.Text.RegularExpressions.Regex.Match(run.Output, @"held-out loss ([0-9.]+)").Groups[1].Value,
                System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(heldOutLoss < 0.5, $"held-out loss {heldOutLoss}");

            var checkpoint = Directory.GetDirectories(output, "checkpoint-*").Order().Last();
            var generated = CliRun.Of("generate", "--model", checkpoint, "--prompt", "q7?", "--max-new-tokens", "6", "--temperature", "0");
            Assert.True(generated.ExitCode == 0, generated.Error);
            Assert.Contains("ok!", generated.Output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
