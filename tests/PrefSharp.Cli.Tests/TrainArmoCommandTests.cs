using System.Text.Json;
using System.Text.Json.Nodes;
using TorchSharp;

namespace PrefSharp.Cli.Tests;

/// <summary>
/// gym ratings → train-armo (both stages) → eval-rm and score, gated and along DPA directions, on the pluralistic world
/// whose two groups disagree on length and politeness.
/// </summary>
public sealed class TrainArmoCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("prefsharp-train-armo-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private const string Concise = "1,0.4,-0.3,0.5,0";      // the concise group's attribute weights (PluralisticWorld)
    private const string Detailed = "1,-0.25,0.5,0.5,0.25"; // the detailed group's

    [Fact]
    public void Both_stages_train_and_each_groups_direction_ranks_its_own_gold_better()
    {
        var threads = torch.get_num_threads();
        torch.set_num_threads(1);   // a tiny model: one thread is fastest on a shared machine
        try
        {
            Run();
        }
        finally
        {
            torch.set_num_threads(threads);
        }
    }

    private void Run()
    {
        var data = Path.Combine(directory, "data");
        var gym = CliRun.Of("gym", "ratings", "--world", "pluralistic", "--prompts", "100", "--responses", "4", "--seed", "2", "--out", data);
        Assert.True(gym.ExitCode == 0, gym.Error);
        Assert.Contains("objectives: coverage,brevity,politeness,cleanliness,restraint", gym.Output);
        Assert.Contains($"concise weights: {Concise}", gym.Output);

        var model = Path.Combine(directory, "armo");
        var train = CliRun.Of("train-armo", "--ratings", Path.Combine(data, "ratings.jsonl"), "--objectives", "coverage,brevity,politeness,cleanliness,restraint",
            "--pairs", Path.Combine(data, "pairs.jsonl"), "--preset", "tiny", "--vocab-size", "400", "--max-steps", "80", "--lr", "3e-3",
            "--max-length", "48", "--gate-steps", "300", "--gate-batch-size", "128", "--gate-hidden-size", "32", "--gate-layers", "1",
            "--gate-temperature", "1", "--gate-dropout", "0", "--gate-lr", "1e-2", "--verbosity-objective", "brevity", "--out", model);
        Assert.True(train.ExitCode == 0, train.Error + train.Output);
        Assert.Contains("held-out r(brevity)", train.Output);
        Assert.Contains("verbosity penalties λ: coverage", train.Output);
        Assert.True(File.Exists(Path.Combine(model, "gating.safetensors")));
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(model, "config.json")))!;
        Assert.Equal(5, config["num_labels"]!.GetValue<int>());
        Assert.Equal("brevity", config["prefsharp_verbosity_objective"]!.GetValue<string>());
        var saved = JsonNode.Parse(File.ReadAllText(Path.Combine(model, "eval.json")))!;
        Assert.Equal(300, saved["gate_options"]!["steps"]!.GetValue<int>());   // the stage-2 settings are kept beside the model

        var gold = Path.Combine(data, "gold.jsonl");
        (double Concise, double Detailed) Subsets(string direction)
        {
            var run = CliRun.Of("eval-rm", "--model", model, "--data", gold, "--direction", direction, "--output", "json");
            Assert.True(run.ExitCode == 0, run.Error);
            var subsets = JsonNode.Parse(run.Output)!["subsets"]!;
            return (subsets["concise"]!["accuracy"]!.GetValue<double>(), subsets["detailed"]!["accuracy"]!.GetValue<double>());
        }
        // DPA: the concise direction ranks concise gold better than detailed gold, and the detailed direction the reverse.
        var concise = Subsets(Concise);
        var detailed = Subsets(Detailed);
        Assert.True(concise.Concise > concise.Detailed + 0.1, $"concise direction: {concise}");
        Assert.True(detailed.Detailed > detailed.Concise + 0.1, $"detailed direction: {detailed}");
        var gated = CliRun.Of("eval-rm", "--model", model, "--data", gold, "--output", "json");
        Assert.True(gated.ExitCode == 0, gated.Error);

        // score: the reward along v is vᵀr/‖v‖ of the objectives it prints beside it.
        var score = CliRun.Of("score", "--model", model, "--data", gold, "--direction", "0,3,0,4,0");
        Assert.True(score.ExitCode == 0, score.Error);
        var first = JsonDocument.Parse(score.Output.Split('\n')[0]).RootElement;
        var objectives = first.GetProperty("objectives_chosen").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal((3 * objectives[1] + 4 * objectives[3]) / 5, first.GetProperty("reward_chosen").GetDouble(), 4);

        var wrong = CliRun.Of("score", "--model", model, "--data", gold, "--direction", "0.8,0.6");
        Assert.NotEqual(0, wrong.ExitCode);
        Assert.Contains("coverage, brevity, politeness, cleanliness, restraint", wrong.Error);
    }

    [Fact]
    public void Missing_stages_and_bad_ratings_are_clear_errors()
    {
        var none = CliRun.Of("train-armo", "--out", Path.Combine(directory, "x"));
        Assert.NotEqual(0, none.ExitCode);
        Assert.Contains("--ratings", none.Error);
        var ratings = Path.Combine(directory, "ratings.jsonl");
        File.WriteAllLines(ratings, ["{\"prompt\": \"p\", \"response\": \"r\", \"help\": 1}", "{\"prompt\": \"p\", \"response\": \"r\", \"help\": \"high\"}"]);
        var bad = CliRun.Of("train-armo", "--ratings", ratings, "--objectives", "help", "--out", Path.Combine(directory, "y"));
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("ratings.jsonl:2: help", bad.Error);
    }
}
