using System.Text.Json.Nodes;
using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Tokenization;
using static TorchSharp.torch;

namespace PrefSharp.Cli.Tests;

/// <summary>
/// eval-rm on a file with ties: a Rao–Kupper model rates every pair on three outcomes (checked against plain doubles
/// from the model's own rewards); any other model reports how many ties it skipped.
/// </summary>
public sealed class EvalRmTiesCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("prefsharp-eval-rm-ties-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private const double Eta = 0.02;

    private static readonly (string Prompt, string Chosen, string Rejected, bool Tie)[] Pairs =
    [
        ("q1", "yes red", "no", false), ("q2", "a", "bbb bbb", true), ("q3", "sun", "sea sea", false),
        ("q4", "two", "one!", true), ("q5", "cat?", "dog dog", false),
    ];

    private (string Data, string RaoKupper, string Plain) Setup()
    {
        var data = Path.Combine(directory, "pairs.jsonl");
        File.WriteAllLines(data, Pairs.Select(p => new JsonObject { ["prompt"] = p.Prompt, ["chosen"] = p.Chosen, ["rejected"] = p.Rejected, ["is_tie"] = p.Tie }.ToJsonString()));
        string Save(string name, double? eta)
        {
            var folder = Path.Combine(directory, name);
            manual_seed(8);
            using var model = new RewardModel(new RewardModelConfig { Backbone = ModelConfigJson.Parse(TinyGymPolicy.Config) });
            if (eta is { } threshold) model.SetTieThreshold(threshold);
            RewardCheckpoint.Save(model, folder);
            TokenizerFiles.SaveByteLevel(new ByteLevelTokenizer(), folder);
            return folder;
        }
        return (data, Save("rk", Eta), Save("bt", null));
    }

    [Fact]
    public void A_rao_kupper_model_rates_ties_and_wins_on_three_outcomes()
    {
        var (data, model, _) = Setup();
        var run = CliRun.Of("eval-rm", "--model", model, "--data", data, "--output", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        var report = JsonNode.Parse(run.Output)!;
        Assert.Equal(3, report["n"]!.GetValue<int>());   // pairwise accuracy: the decided pairs
        Assert.Equal(0, report["ties_skipped"]!.GetValue<int>());
        var three = report["three_way"]!;

        // Plain doubles from the model's own rewards: P(win) = σ(Δ − η), P(loss) = σ(−Δ − η), P(tie) = 1 − both.
        using var loaded = RewardCheckpoint.Load(model);
        var tokenizer = TokenizerFiles.Load(model);
        double Reward(string prompt, string completion) => RewardScorer.Score(loaded, [RewardInputs.Encode(tokenizer, prompt, completion, 1024)])[0];
        static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
        var outcomes = Pairs.Select(p =>
        {
            var gap = Reward(p.Prompt, p.Chosen) - Reward(p.Prompt, p.Rejected);
            double win = Sigmoid(gap - Eta), loss = Sigmoid(-gap - Eta), tie = 1 - win - loss;
            var best = win >= tie && win >= loss ? "win" : tie >= loss ? "tie" : "loss";
            return (Observed: p.Tie ? tie : win, Tie: tie, Right: best == (p.Tie ? "tie" : "win"));
        }).ToList();
        Assert.Equal(5, three["pairs"]!.GetValue<int>());
        Assert.Equal(2, three["ties"]!.GetValue<int>());
        Assert.Equal(0.4, three["observed_tie_rate"]!.GetValue<double>(), 12);
        Assert.Equal(outcomes.Average(o => Math.Log(o.Observed)), three["mean_log_likelihood"]!.GetValue<double>(), 5);
        Assert.Equal(outcomes.Average(o => o.Tie), three["predicted_tie_rate"]!.GetValue<double>(), 5);
        Assert.Equal(outcomes.Average(o => o.Right ? 1.0 : 0.0), three["three_way_accuracy"]!.GetValue<double>(), 12);

        var text = CliRun.Of("eval-rm", "--model", model, "--data", data);
        Assert.Contains("3 decided pairs", text.Output);
        Assert.Contains("three-way", text.Output);
        Assert.Contains("5 pairs, 2 ties", text.Output);
        Assert.Contains("observed 0.4000", text.Output);
    }

    [Fact]
    public void A_model_without_a_threshold_says_how_many_ties_it_skipped()
    {
        var (data, _, model) = Setup();
        var run = CliRun.Of("eval-rm", "--model", model, "--data", data, "--output", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        var report = JsonNode.Parse(run.Output)!;
        Assert.Equal(3, report["n"]!.GetValue<int>());
        Assert.Equal(2, report["ties_skipped"]!.GetValue<int>());
        Assert.Null(report["three_way"]);
        Assert.Contains("ties skipped 2", CliRun.Of("eval-rm", "--model", model, "--data", data).Output);
    }
}
