namespace PrefSharp.Cli.Tests;

/// <summary>
/// The training verbs under faults: a diverging learning rate exits 3 with one line and writes no checkpoint at or
/// after the failing step; a resume with a changed seed or learning rate exits 2 naming both values; a resume of a
/// finished run says so and names its checkpoint.
/// </summary>
public sealed class TrainingFaultCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("prefsharp-faults-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Data()
    {
        var path = Path.Combine(folder, "pairs.jsonl");
        File.WriteAllLines(path, Enumerable.Range(0, 16).Select(k => $$"""{"prompt": "q{{k}}?", "chosen": "yes {{k}}", "rejected": "nah {{k}}"}"""));
        return path;
    }

    private static string[] Sft(string data, string output, params string[] extra) => Sft(data, output, 4, extra);

    private static string[] Sft(string data, string output, int steps, params string[] extra) =>
        ["sft", "--data", data, "--out", output, "--width", "32", "--depth", "1", "--heads", "2", "--batch-size", "8", "--max-steps", $"{steps}",
         "--save-every", "1", "--keep-last", "0", .. extra];

    [Theory]
    [InlineData("sft")]
    [InlineData("train-rm")]
    public void A_diverging_learning_rate_exits_3_with_one_line_and_no_checkpoint_from_the_failing_step(string verb)
    {
        var data = Data();
        var output = Path.Combine(folder, verb);
        var run = verb == "sft"
            ? CliRun.Of(Sft(data, output, "--lr", "1e9"))
            : CliRun.Of("train-rm", "--data", data, "--out", output, "--preset", "tiny", "--vocab-size", "280", "--batch-size", "8",
                "--max-steps", "4", "--save-every", "1", "--keep-last", "0", "--lr", "1e9");
        Assert.Equal(3, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
        var step = int.Parse(System.Text.RegularExpressions.Regex.Match(line, @"diverged at step (\d+)").Groups[1].Value);
        Assert.DoesNotContain("   at ", run.Error);
        var checkpoints = Directory.EnumerateDirectories(output, "checkpoint-*", SearchOption.AllDirectories)
            .Select(d => int.Parse(Path.GetFileName(d)["checkpoint-".Length..])).ToList();
        Assert.All(checkpoints, c => Assert.True(c < step, $"checkpoint-{c} written at or after the failing step {step}"));
    }

    [Fact]
    public void Resume_with_a_changed_seed_is_refused_unless_asked_and_a_finished_run_says_so()
    {
        var data = Data();
        var output = Path.Combine(folder, "resume");
        var first = CliRun.Of(Sft(data, output, "--lr", "1e-3", "--seed", "1"));
        Assert.True(first.ExitCode == 0, first.Error);

        var finished = CliRun.Of([.. Sft(data, output, "--lr", "1e-3", "--seed", "1"), "--resume"]);
        Assert.True(finished.ExitCode == 0, finished.Error);
        Assert.Contains("already finished", finished.Error);
        Assert.Contains($"model in {Path.Combine(output, "checkpoint-4")}", finished.Output);
        Assert.DoesNotContain("NaN", finished.Output);

        var changed = CliRun.Of([.. Sft(data, output, 6, "--lr", "1e-2", "--seed", "2"), "--resume"]);
        Assert.Equal(2, changed.ExitCode);
        Assert.Contains("seed (saved 1, given 2)", changed.Error);
        Assert.Contains("learning_rate (saved 0.001, given 0.01)", changed.Error);

        var allowed = CliRun.Of([.. Sft(data, output, 6, "--lr", "1e-2", "--seed", "2"), "--resume", "--resume-with-changes"]);
        Assert.True(allowed.ExitCode == 0, allowed.Error);
        Assert.Contains("with changed options: learning_rate (saved 0.001, given 0.01), seed (saved 1, given 2)", allowed.Error);
    }
}
