using System.Text.Json;
using PrefSharp.Cli.Commands.Training;

namespace PrefSharp.Cli.Tests;

/// <summary>--device and --dtype: offered by every verb that runs a model, refused in one line where the build lacks the device.</summary>
public sealed class ComputeFlagsTests
{
    public static IEnumerable<object[]> ModelVerbs => ComputeFlags.ModelVerbs.Select(v => new object[] { v });

    [Theory]
    [MemberData(nameof(ModelVerbs))]
    public void Every_model_verb_offers_device_and_dtype(string verb)
    {
        var run = CliRun.Of(verb, "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--device", run.Output);
        Assert.Contains("--dtype", run.Output);
    }

    [Fact]
    public void A_device_this_build_lacks_is_one_line_naming_the_build_and_the_switch()
    {
        var run = CliRun.Of("generate", "--model", ".", "--prompt", "hi", "--device", "cuda:1");
        Assert.Equal(2, run.ExitCode);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("error: --device cuda:1: this build uses TorchSharp-cpu", lines[0]);
        Assert.Contains("-p:TorchBackend=cuda", lines[0]);
        Assert.Contains("TorchSharp-cuda-linux", lines[0]);
    }

    [Fact]
    public void An_unknown_dtype_or_device_is_a_usage_error()
    {
        Assert.Equal(2, CliRun.Of("generate", "--model", ".", "--prompt", "hi", "--dtype", "int8").ExitCode);
        var run = CliRun.Of("generate", "--model", ".", "--prompt", "hi", "--device", "tpu");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("expected cpu, cuda, cuda:N or mps", run.Error);
    }

    [Fact]
    public void A_bfloat16_sft_run_trains_and_saves_a_bfloat16_checkpoint()
    {
        var folder = Directory.CreateTempSubdirectory("prefsharp-bf16-").FullName;
        try
        {
            var data = Path.Combine(folder, "train.jsonl");
            File.WriteAllLines(data, Enumerable.Range(0, 8).Select(k => $$"""{"prompt": "q{{k}}?", "completion": "ok!"}"""));
            var output = Path.Combine(folder, "run");
            var run = CliRun.Of("sft", "--data", data, "--width", "32", "--depth", "1", "--heads", "2", "--out", output,
                "--max-steps", "2", "--batch-size", "4", "--dtype", "bfloat16");
            Assert.True(run.ExitCode == 0, run.Error);
            var checkpoint = Directory.GetDirectories(output, "checkpoint-*").Single();
            using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(checkpoint, "config.json")));
            Assert.Equal("bfloat16", config.RootElement.GetProperty("torch_dtype").GetString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
