using PrefSharp.Core.Data;

namespace PrefSharp.Cli.Tests;

public sealed class GymCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "prefsharp-gym-" + Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string PathOf(string name) => Path.Combine(folder, name);

    [Fact]
    public void List_shows_every_world_with_an_example()
    {
        var run = CliRun.Of("gym", "list");
        Assert.Equal(0, run.ExitCode);
        foreach (var world in new[] { "sorting", "lexicon", "pluralistic", "intransitive" }) Assert.Contains(world, run.Output);
        Assert.Contains("groups: concise, detailed", run.Output);
    }

    [Fact]
    public void Sample_then_annotate_writes_pairs_and_battles_that_the_readers_and_rank_accept()
    {
        var samples = PathOf("s.jsonl");
        var sample = CliRun.Of("gym", "sample", "--world", "sorting", "--prompts", "30", "--responses", "4", "--seed", "2", "--out", samples);
        Assert.Equal(0, sample.ExitCode);
        Assert.Contains("wrote 120 responses to 30 sorting prompts", sample.Output);
        Assert.Equal(120, PreferenceFileReader.ReadAll(samples).OfType<UnpairedJudgement>().Count());

        var pairs = PathOf("pairs.jsonl");
        var annotate = CliRun.Of("gym", "annotate", "--world", "sorting", "--input", samples, "--annotators", "a:flip=0.1;b:tie=0.05", "--out", pairs);
        Assert.Equal(0, annotate.ExitCode);
        var read = PreferenceFileReader.ReadAll(pairs).Cast<PreferencePair>().ToList();
        Assert.True(read.Count > 100);
        Assert.All(read, p => Assert.Contains(p.AnnotatorId, new[] { "a", "b" }));
        Assert.All(read, p => Assert.NotNull(p.ScoreChosen));

        var battles = PathOf("battles.jsonl");
        Assert.Equal(0, CliRun.Of("gym", "annotate", "-w", "sorting", "-i", samples, "--format", "battles", "-o", battles).ExitCode);
        var rank = CliRun.Of("rank", battles, "--bootstrap", "0");
        Assert.Equal(0, rank.ExitCode);
        Assert.Contains("quality-1.00", rank.Output);
    }

    [Theory]
    [InlineData("--world", "chess", "unknown world \"chess\"")]
    [InlineData("--annotators", "a:speed=2", "unknown key \"speed\"")]
    [InlineData("--annotators", "a:group=concise", "no annotator groups")]
    public void Annotate_reports_bad_options_clearly(string option, string value, string message)
    {
        var samples = PathOf("s.jsonl");
        Assert.Equal(0, CliRun.Of("gym", "sample", "--world", "lexicon", "--prompts", "3", "--out", samples).ExitCode);
        string[] args = ["gym", "annotate", "--input", samples, "--out", PathOf("p.jsonl"), option, value];
        var run = CliRun.Of(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.False(File.Exists(PathOf("p.jsonl")));
    }

    [Fact]
    public void Sample_rejects_a_non_positive_count_naming_the_option()
    {
        var run = CliRun.Of("gym", "sample", "--prompts", "0", "--out", PathOf("x.jsonl"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--prompts must be ≥ 1", run.Error);
    }

    [Fact]
    public void Demo_quick_writes_summary_and_report_and_says_where()
    {
        var output = PathOf("run");
        // only the stages of this build's sft path, so the test stays short as trainers land
        var run = CliRun.Of("demo", "--world", "lexicon", "--quick", "--seed", "1", "--out", output, "--stages", "best-of-n, sft,leaderboard");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("report:", run.Output);
        Assert.Contains(Path.Combine(output, "report.html"), run.Output);
        var summary = Recipes.Demo.DemoSummary.FromJson(File.ReadAllText(Path.Combine(output, "summary.json")));
        Assert.Equal(["best-of-n", "sft", "leaderboard"], summary.Stages.Select(s => s.Name));
        Assert.Contains(summary.Leaderboard, i => i.Name == "sft");                 // the policies are ranked with the demonstration levels
        Assert.DoesNotContain(summary.Stages, s => s.Status == Recipes.Demo.DemoStageStatus.Failed);
        var sft = summary.Stages.Single(s => s.Name == "sft");
        Assert.Equal(Recipes.Demo.DemoStageStatus.Ok, sft.Status);
        Assert.True(sft.GoldUtility > sft.Metrics["gold_before"], $"sft gold {sft.GoldUtility} vs untrained {sft.Metrics["gold_before"]}");
        Assert.True(File.Exists(Path.Combine(output, "sft", "policy", "model.safetensors")));
        Assert.Contains("<svg", File.ReadAllText(Path.Combine(output, "report.html")));
    }

    [Fact]
    public void Demo_stages_rejects_an_unknown_stage_naming_the_option_and_the_stages()
    {
        var run = CliRun.Of("demo", "--quick", "--stages", "sft,ppo", "--out", PathOf("bad"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--stages: unknown stage ppo", run.Error);
        Assert.Contains("best-of-n, sft, reward-model, dpo, grpo, pref-grpo, leaderboard", run.Error);
        Assert.False(Directory.Exists(PathOf("bad")));
    }
}
