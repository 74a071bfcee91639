using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using PrefSharp.Core.Judging;
using PrefSharp.Tests.Shared;

namespace PrefSharp.Cli.Tests;

/// <summary><c>prefsharp judge</c> end to end: a gym judge served on loopback, rank on its battles, kill -9 and rerun.</summary>
public sealed class JudgeCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("prefsharp-judge-").FullName;

    /// <summary>Sorting prompts; "sorted" answers them right, "shuffled" (the baseline) does not.</summary>
    private string WriteOutputs()
    {
        var random = new Random(3);
        var rows = new List<object>();
        for (int i = 0; i < 12; i++)
        {
            var digits = Enumerable.Range(0, 6).Select(_ => random.Next(10)).ToArray();
            var prompt = "sort: " + string.Join(' ', digits);
            rows.Add(new { instruction = prompt, output = string.Join(' ', digits.Order()), generator = "sorted" });
            rows.Add(new { instruction = prompt, output = string.Join(' ', digits.Reverse()) + " 0 0", generator = "shuffled" });
        }
        var path = Path.Combine(folder, "model_outputs.json");
        File.WriteAllText(path, JsonSerializer.Serialize(rows));
        return path;
    }

    [Fact]
    public void A_gym_judge_over_loopback_gives_battles_that_rank_reads_with_style_control()
    {
        var outputs = WriteOutputs();
        var battles = Path.Combine(folder, "battles.jsonl");
        var run = CliRun.Of("judge", outputs, "--baseline", "shuffled", "--judge", "gym:sorting", "--parallel", "8",
            "--cache", Path.Combine(folder, "cache.sqlite"), "--out", battles);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("judged 24 questions with gym:sorting: 24 asked", run.Output);
        Assert.Equal(24, File.ReadAllLines(battles).Length);
        using var bias = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "battles.bias.json")));
        Assert.Equal(12, bias.RootElement.GetProperty("pairs").GetInt32());

        var rank = CliRun.Of("rank", battles, "--style-control", "--bootstrap", "100", "--output", "json");
        Assert.True(rank.ExitCode == 0, rank.Error);
        using var ranked = JsonDocument.Parse(rank.Output);
        Assert.Equal(["shuffled", "sorted"], ranked.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()).Order());
    }

    [Fact]
    public async Task A_judge_killed_with_sigkill_resumes_asking_no_answered_question_again_with_the_same_battles()
    {
        var outputs = WriteOutputs();
        var answered = new ConcurrentQueue<string>();
        Process? child = null;
        using var server = new LoopbackChatServer((request, count) =>
        {
            if (count == 10 && child is { HasExited: false })
            {
                child.Kill();  // SIGKILL while the 10th question waits for its answer
                child.WaitForExit();
                return (503, "{\"error\": {\"message\": \"killed\"}}");
            }
            answered.Enqueue(request.User);
            var (_, first, _) = JudgePrompts.ReadPairwise(request.User)!.Value;
            return (200, first.Contains(" 0 0") ? "[[B>A]]" : "[[A>>B]]");
        });
        string[] Args(string name) => ["judge", outputs, "--baseline", "shuffled", "--judge", server.BaseUrl.AbsoluteUri, "--judge-model", "m",
            "--parallel", "1", "--cache", Path.Combine(folder, name + ".sqlite"), "--out", Path.Combine(folder, name + ".jsonl")];

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "prefsharp.dll"), .. Args("killed")]) start.ArgumentList.Add(argument);
        child = Process.Start(start)!;
        await child.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(9, answered.Count);
        Assert.False(File.Exists(Path.Combine(folder, "killed.jsonl")));

        var resumed = CliRun.Of(Args("killed"));
        Assert.True(resumed.ExitCode == 0, resumed.Error);
        Assert.Contains("15 asked, 9 from the cache", resumed.Output);
        Assert.Equal(24, answered.Count);
        Assert.Equal(24, answered.Distinct().Count());

        Assert.Equal(0, CliRun.Of(Args("whole")).ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(folder, "whole.jsonl")), File.ReadAllText(Path.Combine(folder, "killed.jsonl")));
    }

    [Fact]
    public void Bad_judges_and_baselines_are_one_line_errors()
    {
        var outputs = WriteOutputs();
        var cache = Path.Combine(folder, "c.sqlite");
        var noModel = CliRun.Of("judge", outputs, "--baseline", "shuffled", "--judge", "http://127.0.0.1:9", "--cache", cache, "--out", Path.Combine(folder, "b.jsonl"));
        var noBaseline = CliRun.Of("judge", outputs, "--baseline", "gpt4", "--judge", "gym:sorting", "--cache", cache, "--out", Path.Combine(folder, "b.jsonl"));

        Assert.NotEqual(0, noModel.ExitCode);
        Assert.Contains("--judge-model", noModel.Error);
        Assert.NotEqual(0, noBaseline.ExitCode);
        Assert.Contains("no outputs of baseline \"gpt4\"; generators found: sorted, shuffled", noBaseline.Error);
        Assert.Single(noBaseline.Error.Trim().Split('\n'));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
