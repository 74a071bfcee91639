using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PrefSharp.Cli.Tests;

/// <summary>
/// train-rm → eval-rm → score end to end on a rule a tiny model must learn: the chosen answer starts with "yes", the
/// rejected one with "nah" (same length, so the length baseline is exactly ½ on every pair).
/// </summary>
public sealed class TrainRmCommandTests
{
    private readonly string directory = Directory.CreateTempSubdirectory("prefsharp-train-rm-").FullName;

    private string WriteData(int prompts)
    {
        var random = new Random(5);
        string[] words = ["red", "blue", "cat", "dog", "sun", "sea", "one", "two"];
        var path = Path.Combine(directory, "pairs.jsonl");
        File.WriteAllLines(path, Enumerable.Range(0, prompts).Select(i =>
        {
            var word = words[random.Next(words.Length)];
            var other = words[random.Next(words.Length)];
            return new JsonObject { ["prompt"] = $"q{i} {other}?", ["chosen"] = $"yes {word}", ["rejected"] = $"nah {word}" }.ToJsonString();
        }));
        return path;
    }

    private static double Value(string output, string label) => double.Parse(
        output.Split('\n').First(l => l.StartsWith(label, StringComparison.Ordinal))[label.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);

    [Fact]
    public void A_tiny_model_learns_the_rule_and_eval_rm_and_score_read_it_back()
    {
        var data = WriteData(120);
        var model = Path.Combine(directory, "rm");
        var train = CliRun.Of("train-rm", "--data", data, "--preset", "tiny", "--vocab-size", "300", "--max-steps", "40",
            "--lr", "3e-3", "--batch-size", "8", "--eval-split", "0.2", "--seed", "1", "--out", model);
        Assert.True(train.ExitCode == 0, train.Error + train.Output);
        // 120 prompts, ⌈0.2 · 120⌉ = 24 held out, one pair each.
        Assert.Contains("train 96, held out 24", train.Output);
        Assert.True(Value(train.Output, "held-out accuracy") >= 0.9, train.Output);
        Assert.Equal(0.5, Value(train.Output, "length baseline"));   // equal lengths: every pair counts ½
        var saved = JsonNode.Parse(File.ReadAllText(Path.Combine(model, "eval.json")))!;
        Assert.Equal(0.5, saved["length_baseline_accuracy"]!.GetValue<double>());

        var eval = CliRun.Of("eval-rm", "--model", model, "--data", data, "--output", "json");
        Assert.True(eval.ExitCode == 0, eval.Error);
        var report = JsonNode.Parse(eval.Output)!;
        Assert.Equal(120, report["n"]!.GetValue<int>());
        Assert.True(report["accuracy"]!.GetValue<double>() >= 0.9, eval.Output);
        Assert.Equal(0.5, report["length_baseline_accuracy"]!.GetValue<double>());   // all 120 pairs have equal lengths

        var score = CliRun.Of("score", "--model", model, "--data", data);
        Assert.True(score.ExitCode == 0, score.Error);
        var lines = score.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(120, lines.Count);
        var agree = lines.Count(l => l.GetProperty("reward_chosen").GetDouble() > l.GetProperty("reward_rejected").GetDouble());
        Assert.Equal(report["accuracy"]!.GetValue<double>(), agree / 120.0, 6);   // score and eval-rm see the same rewards
    }

    [Fact]
    public void An_ensemble_writes_one_folder_per_member_and_bad_options_name_themselves()
    {
        var data = WriteData(30);
        var model = Path.Combine(directory, "ens");
        var run = CliRun.Of("train-rm", "--data", data, "--preset", "tiny", "--vocab-size", "280", "--max-steps", "2",
            "--ensemble", "2", "--out", model);
        Assert.True(run.ExitCode == 0, run.Error + run.Output);
        Assert.True(File.Exists(Path.Combine(model, "member-0", "model.safetensors")));
        Assert.True(File.Exists(Path.Combine(model, "member-1", "tokenizer.json")));

        var bad = CliRun.Of("train-rm", "--data", data, "--ensemble", "0", "--out", Path.Combine(directory, "bad"));
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--ensemble", bad.Error);
        var split = CliRun.Of("train-rm", "--data", data, "--eval-split", "1.5", "--out", Path.Combine(directory, "bad2"));
        Assert.Equal(2, split.ExitCode);
        Assert.Contains("--eval-split", split.Error);
    }

    [Fact]
    public void Peer_review_trains_a_model_and_its_peer_and_refuses_what_it_cannot_combine()
    {
        var data = WriteData(120);
        var model = Path.Combine(directory, "peer-rm");
        var train = CliRun.Of("train-rm", "--data", data, "--preset", "tiny", "--vocab-size", "300", "--max-steps", "40",
            "--lr", "3e-3", "--batch-size", "8", "--eval-split", "0.2", "--seed", "1", "--peer-review", "0.2", "--out", model);
        Assert.True(train.ExitCode == 0, train.Error + train.Output);
        Assert.True(Value(train.Output, "held-out accuracy") >= 0.9, train.Output);
        var peer = CliRun.Of("eval-rm", "--model", Path.Combine(model, "peer"), "--data", data, "--output", "json");
        Assert.True(peer.ExitCode == 0, peer.Error);   // the peer is a complete model folder of its own
        Assert.True(JsonNode.Parse(peer.Output)!["accuracy"]!.GetValue<double>() >= 0.9, peer.Output);

        foreach (var (args, named) in new[]
        {
            (new[] { "--peer-review", "1.5" }, "--peer-review"),
            (["--peer-review", "0.2", "--ensemble", "2"], "--ensemble"),
            (["--peer-review", "0.2", "--loss", "rao-kupper"], "RaoKupper"),
            (["--peer-review", "0.2", "--peer-ramp-epochs", "0"], "--peer-ramp-epochs"),
        })
        {
            var bad = CliRun.Of(["train-rm", "--data", data, "--preset", "tiny", "--vocab-size", "280", "--max-steps", "1", .. args, "--out", Path.Combine(directory, "bad")]);
            Assert.Equal(2, bad.ExitCode);
            Assert.Contains(named, bad.Error);
        }
    }
}
