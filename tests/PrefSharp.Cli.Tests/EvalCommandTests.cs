using System.Globalization;
using System.Text.RegularExpressions;

namespace PrefSharp.Cli.Tests;

/// <summary><c>prefsharp eval</c>: the quick gym evaluation over loopback HTTP recovers the true order, and a rerun asks nothing again.</summary>
public sealed class EvalCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("prefsharp-eval-").FullName;

    [Fact]
    public void Eval_quick_ranks_policies_of_known_quality_in_their_gold_order_and_resumes_without_asking_again()
    {
        var run = CliRun.Of("eval", "--quick", "--quick-prompts", "40", "--bootstrap", "0", "--parallel", "8", "--out", folder);
        Assert.True(run.ExitCode == 0, run.Error);
        var judged = Regex.Match(run.Output, @"judge: (\d+) asked, (\d+) from the cache, 0 without a verdict");
        Assert.True(judged.Success, run.Output);
        Assert.Equal(4 * 40 * 2, int.Parse(judged.Groups[1].Value) + int.Parse(judged.Groups[2].Value));  // identical questions are asked once
        var tau = double.Parse(Regex.Match(run.Output, @"mean gold utility: (-?[0-9.]+)").Groups[1].Value, CultureInfo.InvariantCulture);
        // Five lexicon policies 0.2 apart in quality; the judge's verdicts are seeded by the question, so the run is
        // repeatable; at most two of the ten pairs may be ordered against their gold.
        Assert.True(tau >= 0.6, $"Kendall τ against gold {tau}\n{run.Output}");
        var report = File.ReadAllText(Path.Combine(folder, "report.html"));
        Assert.Contains("gym:lexicon@0.9", report);
        Assert.Contains("Kendall τ", report);

        var rerun = CliRun.Of("eval", "--quick", "--quick-prompts", "40", "--bootstrap", "0", "--out", folder);
        Assert.True(rerun.ExitCode == 0, rerun.Error);
        Assert.Equal(5, Regex.Matches(rerun.Output, "answers already in").Count);
        Assert.Contains("judge: 0 asked, 320 from the cache", rerun.Output);
    }

    [Fact]
    public void A_checkpoint_is_served_in_process_and_judged_against_a_gym_policy()
    {
        var (root, model, promptLines) = TinyGymPolicy.Create("prefsharp-eval-ckpt-", 6);
        try
        {
            var prompts = Path.Combine(root, "prompts.jsonl");
            File.WriteAllLines(prompts, File.ReadAllLines(promptLines).Select(p => $"{{\"prompt\": \"{p}\"}}"));
            var run = CliRun.Of("eval", "--model", $"random={model}", "--model", "gym:sorting@0.9", "--prompts", prompts, "--judge", "gym:sorting",
                "--max-tokens", "8", "--bootstrap", "0", "--out", folder);
            Assert.True(run.ExitCode == 0, run.Error);
            var answers = File.ReadAllLines(Path.Combine(folder, "outputs", "random.jsonl"));
            Assert.Equal(6, answers.Length);
            Assert.All(answers, line => Assert.Contains("\"model_id\":\"random\"", line));
            Assert.Equal(12, File.ReadAllLines(Path.Combine(folder, "battles.jsonl")).Length);  // six prompts, both orders
            Assert.Contains("random", File.ReadAllText(Path.Combine(folder, "report.html")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Bad_model_specs_and_a_missing_judge_are_one_line_errors()
    {
        var prompts = Path.Combine(folder, "prompts.jsonl");
        File.WriteAllText(prompts, "{\"prompt\": \"3141\"}\n");
        var remote = CliRun.Of("eval", "--model", "http://127.0.0.1:9/v1", "--model", "gym:sorting@0.5", "--prompts", prompts, "--judge", "gym:sorting");
        Assert.Equal(2, remote.ExitCode);
        Assert.Contains("NAME=URL#MODEL", remote.Error);
        var judge = CliRun.Of("eval", "--model", "gym:sorting@0.5", "--model", "gym:sorting@0.1", "--prompts", prompts);
        Assert.Contains("give a judge", judge.Error);
        var both = CliRun.Of("eval", "--quick", "--model", "gym:sorting@0.5");
        Assert.Contains("--quick brings its own models", both.Error);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
