using System.Globalization;
using System.Text.Json.Nodes;
using PrefSharp.Cli.Commands;
using PrefSharp.Recipes.Rewards;
using PrefSharp.Torch.Rewards.Sources;

namespace PrefSharp.Cli.Tests;

/// <summary>
/// train-rm with the heads beyond Bradley–Terry: a GPM trained, reloaded by eval-rm and used by GRPO's pairwise reward;
/// Rao–Kupper keeping ties; listwise losses on k-way lists; and the errors for combinations that cannot work.
/// </summary>
public sealed class TrainRmHeadsCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("prefsharp-train-rm-heads-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static readonly string[] Words = ["red", "blue", "cat", "dog", "sun", "sea", "one", "two"];

    /// <summary>The rule of TrainRmCommandTests: "yes WORD" beats "nah WORD" (equal lengths).</summary>
    private string Pairs(int prompts)
    {
        var random = new Random(5);
        var path = Path.Combine(directory, "pairs.jsonl");
        File.WriteAllLines(path, Enumerable.Range(0, prompts).Select(i =>
        {
            var word = Words[random.Next(Words.Length)];
            return new JsonObject { ["prompt"] = $"q{i} {Words[random.Next(Words.Length)]}?", ["chosen"] = $"yes {word}", ["rejected"] = $"nah {word}" }.ToJsonString();
        }));
        return path;
    }

    private static double Value(string output, string label) => double.Parse(
        output.Split('\n').First(l => l.StartsWith(label, StringComparison.Ordinal))[label.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);

    private static string[] Train(string data, string output, params string[] extra) =>
        ["train-rm", "--data", data, "--preset", "tiny", "--vocab-size", "300", "--batch-size", "8", "--eval-split", "0.2", "--seed", "1", "--out", output, .. extra];

    [Fact]
    public void A_gpm_trains_reloads_in_eval_rm_and_gives_grpo_its_pairwise_preference()
    {
        var data = Pairs(120);
        var model = Path.Combine(directory, "gpm");
        var train = CliRun.Of(Train(data, model, "--loss", "gpm", "--gpm-dim", "4", "--max-steps", "60", "--lr", "1e-3"));
        Assert.True(train.ExitCode == 0, train.Error + train.Output);
        Assert.True(Value(train.Output, "held-out accuracy") >= 0.9, train.Output);
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(model, "config.json")))!;
        Assert.Equal(4, config["num_labels"]!.GetValue<int>());
        Assert.Equal("gpm", config["prefsharp_preference_head"]!.GetValue<string>());

        var eval = CliRun.Of("eval-rm", "--model", model, "--data", data, "--output", "json");
        Assert.True(eval.ExitCode == 0, eval.Error);
        var report = JsonNode.Parse(eval.Output)!;
        Assert.Equal("gpm", report["head"]!.GetValue<string>());
        Assert.True(report["accuracy"]!.GetValue<double>() >= 0.9, eval.Output);

        var error = Assert.Throws<ArgumentException>(() => RewardSourceSpec.Parse($"rm:{model}", pairwise: false, null, 64));
        Assert.Contains("--pairwise", error.Message);
        using var spec = RewardSourceSpec.Parse($"rm:{model}", pairwise: true, null, 64);
        Assert.StartsWith("gpm-", spec.Source.Name);
        var scores = spec.Source.Score([new CompletionGroup("q1 red?", ["yes red", "nah red", "yes sun"]), new CompletionGroup("q2 sea?", ["nah one", "yes one", "nah two"])]);
        // Win rates over a group of G = 3 sum to G/2 because P(i ≻ j) + P(j ≻ i) = 1; "yes" answers must win more.
        Assert.Equal(1.5, scores.Rewards.Take(3).Sum(), 9);
        Assert.Equal(1.5, scores.Rewards.Skip(3).Sum(), 9);
        Assert.True(scores.Rewards[0] > scores.Rewards[1] && scores.Rewards[4] > scores.Rewards[3], string.Join(", ", scores.Rewards));
    }

    [Fact]
    public void Rao_Kupper_keeps_ties_and_saves_its_threshold()
    {
        // Battles with texts: "yes" beats "nah"; two "yes" answers tie.
        var random = new Random(3);
        var path = Path.Combine(directory, "battles.jsonl");
        File.WriteAllLines(path, Enumerable.Range(0, 120).Select(i =>
        {
            var (w, v) = (Words[random.Next(Words.Length)], Words[random.Next(Words.Length)]);
            var tie = i % 3 == 0;
            return new JsonObject
            {
                ["item_a"] = "m1", ["item_b"] = "m2", ["outcome"] = tie ? "tie" : "a", ["prompt"] = $"q{i}?",
                ["text_a"] = $"yes {w}", ["text_b"] = tie ? $"yes {v}{v}" : $"nah {w}",
            }.ToJsonString();
        }));
        var model = Path.Combine(directory, "rk");
        var train = CliRun.Of(Train(path, model, "--loss", "rao-kupper", "--max-steps", "40", "--lr", "3e-3"));
        Assert.True(train.ExitCode == 0, train.Error + train.Output);
        Assert.Contains("ties: 40 of 120 pairs kept for Rao–Kupper", train.Output);
        var eta = JsonNode.Parse(File.ReadAllText(Path.Combine(model, "config.json")))!["prefsharp_tie_threshold"]!.GetValue<double>();
        Assert.True(eta > 0, $"η {eta}");
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(model, "eval.json")))!;
        Assert.Equal(eta, report["tie_threshold"]!.GetValue<double>(), 12);
        // The held-out ties are rated on three outcomes (24 held-out prompts of 120, every third a tie).
        var threeWay = report["heldout_three_way"]!;
        Assert.Equal(report["heldout_pairs"]!.GetValue<int>() + threeWay["ties"]!.GetValue<int>(), threeWay["pairs"]!.GetValue<int>());
        Assert.True(threeWay["ties"]!.GetValue<int>() > 0, report.ToJsonString());
        Assert.Equal(eta, threeWay["tie_threshold"]!.GetValue<double>(), 12);
        Assert.Contains("held-out 3-way", train.Output);
    }

    [Fact]
    public void Listwise_losses_train_on_k_way_lists()
    {
        // FineGrainedRLHF-style listwise records: 3 predictions, "yes" ≻ "maybe" ≻ "nah" (labels for (1,2), (1,3), (2,3)).
        var random = new Random(4);
        var path = Path.Combine(directory, "lists.jsonl");
        File.WriteAllLines(path, Enumerable.Range(0, 80).Select(i =>
        {
            var w = Words[random.Next(Words.Length)];
            return new JsonObject
            {
                ["question"] = $"q{i}?", ["prediction 1"] = $"nah {w}", ["prediction 2"] = $"yes {w}", ["prediction 3"] = $"maybe {w}",
                ["preference"] = new JsonArray(2, 2, 1),
            }.ToJsonString();
        }));
        foreach (var loss in new[] { "plackett-luce", "listnet" })
        {
            var model = Path.Combine(directory, loss);
            var train = CliRun.Of(Train(path, model, "--loss", loss, "--max-steps", "40", "--lr", "3e-3"));
            Assert.True(train.ExitCode == 0, train.Error + train.Output);
            Assert.Contains("lists: 80 (k = 3..3) → train 64, held out 16", train.Output);
            Assert.True(Value(train.Output, "held-out accuracy") >= 0.9, train.Output);   // 16 lists × 3 ordered pairs
        }
    }

    [Theory]
    [InlineData("gpm", "--ensemble", "2", "--ensemble")]
    [InlineData("plackett-luce", "--warmup", "0", "k-way data")]
    [InlineData("gpm", "--gpm-dim", "3", "--gpm-dim must be an even number")]
    [InlineData("listnet", "--label-temperature", "0", "--label-temperature")]
    public void Combinations_that_cannot_work_are_clear_errors(string loss, string option, string value, string message)
    {
        var run = CliRun.Of(Train(Pairs(20), Path.Combine(directory, "bad"), "--loss", loss, "--max-steps", "2", option, value));
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(message, run.Error);
    }
}
