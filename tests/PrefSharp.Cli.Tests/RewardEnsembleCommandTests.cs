using System.Text.Json;
using System.Text.Json.Nodes;
using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Tokenization;
using static TorchSharp.torch;

namespace PrefSharp.Cli.Tests;

/// <summary>
/// An ensemble folder as <c>train-rm --ensemble K</c> writes it (member-0, member-1, tokenizer beside them) read by
/// <c>score</c>, <c>eval-rm</c> and <c>grpo</c>: the combined reward is the mean, min or mean − λ·variance of what
/// <c>score --normalize</c> gives for each member alone (Coste et al. 2024, §3).
/// </summary>
public sealed class RewardEnsembleCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("prefsharp-ensemble-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private (string Ensemble, string Data) Setup()
    {
        var ensemble = Path.Combine(directory, "ens");
        for (var k = 0; k < 2; k++)
        {
            manual_seed(10 + k);
            var member = Path.Combine(ensemble, $"member-{k}");
            using (var model = new RewardModel(new RewardModelConfig { Backbone = ModelConfigJson.Parse(TinyGymPolicy.Config) })) RewardCheckpoint.Save(model, member);
            TokenizerFiles.SaveByteLevel(new ByteLevelTokenizer(), member);
        }
        TokenizerFiles.SaveByteLevel(new ByteLevelTokenizer(), ensemble);
        var data = Path.Combine(directory, "pairs.jsonl");
        File.WriteAllLines(data, new[] { ("p", "alpha", "beta"), ("q", "x", "yyy"), ("p", "gamma", "alpha") }
            .Select(p => new JsonObject { ["prompt"] = p.Item1, ["chosen"] = p.Item2, ["rejected"] = p.Item3 }.ToJsonString()));
        return (ensemble, data);
    }

    private static double[] Rewards(string output) => [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).SelectMany(line =>
    {
        using var row = JsonDocument.Parse(line);
        return new[] { row.RootElement.GetProperty("reward_chosen").GetDouble(), row.RootElement.GetProperty("reward_rejected").GetDouble() };
    })];

    [Fact]
    public void Score_combines_the_members_normalised_rewards_as_mean_wco_and_uwo()
    {
        var (ensemble, data) = Setup();
        var members = Enumerable.Range(0, 2).Select(k =>
        {
            var run = CliRun.Of("score", "--model", Path.Combine(ensemble, $"member-{k}"), "--data", data, "--normalize");
            Assert.True(run.ExitCode == 0, run.Error);
            return Rewards(run.Output);
        }).ToArray();
        double[] Combined(params string[] extra)
        {
            var run = CliRun.Of(["score", "--model", ensemble, "--data", data, .. extra]);
            Assert.True(run.ExitCode == 0, run.Error);
            return Rewards(run.Output);
        }
        var (mean, wco, uwo) = (Combined(), Combined("--ensemble-aggregation", "wco"), Combined("--ensemble-aggregation", "uwo", "--uwo-lambda", "2"));
        for (var i = 0; i < 6; i++)
        {
            var (a, b) = (members[0][i], members[1][i]);
            // The same float32 member rewards (same sequences, same batches), combined in float64: a few roundings of 2^−53.
            var tolerance = 1e-14 * Math.Max(1, a * a + b * b);
            Assert.Equal((a + b) / 2, mean[i], tolerance);
            Assert.Equal(Math.Min(a, b), wco[i], tolerance);
            Assert.Equal((a + b) / 2 - 2 * Math.Pow((a - b) / 2, 2), uwo[i], tolerance);   // population variance of two: ((a − b)/2)²
        }

        var eval = CliRun.Of("eval-rm", "--model", ensemble, "--data", data, "--ensemble-aggregation", "wco", "--output", "json");
        Assert.True(eval.ExitCode == 0, eval.Error);
        var expected = Enumerable.Range(0, 3).Average(p => wco[2 * p] > wco[2 * p + 1] ? 1.0 : wco[2 * p] == wco[2 * p + 1] ? 0.5 : 0.0);
        Assert.Equal(expected, JsonNode.Parse(eval.Output)!["accuracy"]!.GetValue<double>(), 12);
    }

    [Fact]
    public void Grpo_trains_on_an_ensemble_with_worst_case_optimisation()
    {
        var (ensemble, _) = Setup();
        var (_, model, prompts) = TinyGymPolicy.Create("prefsharp-grpo-ens-", 2);
        var output = Path.Combine(directory, "out");
        var run = CliRun.Of("grpo", "--prompts", prompts, "--model", model, "--reward", $"rm:{ensemble}", "--ensemble-aggregation", "wco",
            "--gold", "sorting", "--out", output, "--group-size", "2", "--max-completion-length", "4", "--max-steps", "1");
        Assert.True(run.ExitCode == 0, run.Error);
        using var summary = JsonDocument.Parse(run.Output);
        Assert.Equal("ensemble-wco", summary.RootElement.GetProperty("reward").GetString());
    }
}
