using System.Text.Json.Nodes;

namespace PrefSharp.Cli.Tests;

/// <summary>train-rm --resume: a Rao–Kupper run trained 2 steps, then resumed to 4, writes the model and η of 4 straight steps.</summary>
public sealed class TrainRmResumeCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("prefsharp-train-rm-resume-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string Pairs()
    {
        // "yes W" beats "nah W"; every third pair is a tie between two "yes" answers.
        string[] words = ["red", "blue", "cat", "dog", "sun", "sea"];
        var path = Path.Combine(directory, "pairs.jsonl");
        File.WriteAllLines(path, Enumerable.Range(0, 48).Select(i =>
        {
            var (w, v) = (words[i % 6], words[(i / 6 + 1) % 6]);
            var tie = i % 3 == 0;
            return new JsonObject { ["prompt"] = $"q{i}?", ["chosen"] = $"yes {w}", ["rejected"] = tie ? $"yes {v}{v}" : $"nah {w}", ["is_tie"] = tie }.ToJsonString();
        }));
        return path;
    }

    // A constant learning rate after warm-up, so the first 2 steps of a 2-step and of a 4-step run are the same steps.
    private static string[] Args(string data, string output, int steps, params string[] method) =>
        ["train-rm", "--data", data, "--out", output, .. method.Length == 0 ? ["--loss", "rao-kupper"] : method, "--preset", "tiny", "--vocab-size", "280", "--batch-size", "8",
         "--eval-split", "0.2", "--seed", "2", "--lr", "1e-2", "--warmup", "1", "--schedule", "constant", "--max-steps", steps.ToString()];

    [Fact]
    public void Two_steps_then_resume_to_four_equals_four_straight_steps_with_the_same_threshold()
    {
        var data = Pairs();
        var straight = Path.Combine(directory, "straight");
        var split = Path.Combine(directory, "split");
        var run = CliRun.Of(Args(data, straight, 4));
        Assert.True(run.ExitCode == 0, run.Error + run.Output);
        run = CliRun.Of(Args(data, split, 2));
        Assert.True(run.ExitCode == 0, run.Error + run.Output);
        var atTwo = Eta(split);
        run = CliRun.Of([.. Args(data, split, 4), "--resume"]);
        Assert.True(run.ExitCode == 0, run.Error + run.Output);
        Assert.Contains("resumed from", run.Error);

        Assert.NotEqual(atTwo, Eta(split));
        Assert.Equal(Eta(straight), Eta(split));
        Assert.Equal(File.ReadAllBytes(Path.Combine(straight, "model.safetensors")), File.ReadAllBytes(Path.Combine(split, "model.safetensors")));
    }

    [Fact]
    public void Peer_review_resumed_mid_run_writes_the_straight_runs_model_and_peer()
    {
        var data = Pairs();
        string[] method = ["--peer-review", "0.3", "--peer-ramp-epochs", "1"];   // the ramp spans the stop, so the step must be restored
        var (straight, split) = (Path.Combine(directory, "peer-straight"), Path.Combine(directory, "peer-split"));
        foreach (var (output, steps, resume) in new[] { (straight, 4, false), (split, 2, false), (split, 4, true) })
        {
            var run = CliRun.Of([.. Args(data, output, steps, method), .. resume ? new[] { "--resume" } : []]);
            Assert.True(run.ExitCode == 0, run.Error + run.Output);
        }
        foreach (var file in new[] { "model.safetensors", Path.Combine("peer", "model.safetensors") })
            Assert.Equal(File.ReadAllBytes(Path.Combine(straight, file)), File.ReadAllBytes(Path.Combine(split, file)));
    }

    private static double Eta(string model) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(model, "config.json")))!["prefsharp_tie_threshold"]!.GetValue<double>();
}
