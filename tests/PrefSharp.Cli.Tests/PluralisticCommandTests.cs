using System.Text.Json.Nodes;
using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Rewards.Pluralistic;
using PrefSharp.Torch.Tokenization;
using static TorchSharp.torch;

namespace PrefSharp.Cli.Tests;

/// <summary>A PAL model through the CLI: eval-rm --few-shot scores each annotator's pairs after their first k; score --user picks a mixture.</summary>
public sealed class PluralisticCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("prefsharp-pluralistic-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private (string Data, string Model) Setup()
    {
        var data = Path.Combine(directory, "pairs.jsonl");
        (string Prompt, string Chosen, string Rejected, string Annotator)[] pairs =
            [("q1", "yes red", "no", "u"), ("q2", "a", "bbb", "u"), ("q3", "sun", "sea sea", "v"), ("q4", "two", "one!", "v"), ("q5", "cat?", "dog", "v")];
        File.WriteAllLines(data, pairs.Select(p => new JsonObject { ["prompt"] = p.Prompt, ["chosen"] = p.Chosen, ["rejected"] = p.Rejected, ["annotator"] = p.Annotator }.ToJsonString()));
        var folder = Path.Combine(directory, "pal");
        manual_seed(8);
        var model = new RewardModel(new RewardModelConfig { Backbone = ModelConfigJson.Parse(TinyGymPolicy.Config), NumLabels = 4 });
        using var pal = new PluralisticRewardModel(model, new PluralisticHead(PluralisticKind.Pal, 2, 4, model.Config.Backbone.HiddenSize, ["u", "v"]));
        PluralisticCheckpoint.Save(pal, folder);
        TokenizerFiles.SaveByteLevel(new ByteLevelTokenizer(), folder);
        return (data, folder);
    }

    [Fact]
    public void Few_shot_evaluation_scores_the_pairs_after_each_annotators_first_k()
    {
        var (data, model) = Setup();
        var run = CliRun.Of("eval-rm", "--model", model, "--data", data, "--few-shot", "1", "--output", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(3, JsonNode.Parse(run.Output)!["n"]!.GetValue<int>());   // u: 2 − 1, v: 3 − 1
    }

    [Fact]
    public void Score_with_a_user_uses_that_users_mixture()
    {
        var (data, model) = Setup();
        JsonNode First(string user)
        {
            var run = CliRun.Of("score", "--model", model, "--data", data, "--user", user);
            Assert.True(run.ExitCode == 0, run.Error);
            return JsonNode.Parse(run.Output.Split('\n')[0])!;
        }
        var (u, v) = (First("u"), First("v"));
        Assert.Equal("v", v["user"]!.GetValue<string>());
        // Users start at different mixtures (dealt out over the two prototypes), so their ideal points and rewards differ.
        Assert.NotEqual(u["reward_chosen"]!.GetValue<double>(), v["reward_chosen"]!.GetValue<double>());
        var unknown = CliRun.Of("score", "--model", model, "--data", data, "--user", "nobody");
        Assert.NotEqual(0, unknown.ExitCode);
        Assert.Contains("--user", unknown.Error);
    }
}
