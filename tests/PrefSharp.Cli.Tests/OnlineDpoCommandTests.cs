using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Tests.Shared;
using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Tokenization;
using static TorchSharp.torch;

namespace PrefSharp.Cli.Tests;

/// <summary><c>prefsharp online-dpo</c> end to end on a tiny random GPT-2 with the byte-level tokenizer: gym annotators and a loopback judge.</summary>
public sealed class OnlineDpoCommandTests
{
    private static (string Model, string Prompts, string Root) Setup()
    {
        var (root, model, prompts) = TinyGymPolicy.Create("prefsharp-online-dpo-", 8);
        return (model, prompts, root);
    }

    [Fact]
    public void Gym_labels_train_two_rounds_and_save_each_policy_with_its_tokenizer()
    {
        var (model, prompts, root) = Setup();
        var output = Path.Combine(root, "out");
        var run = CliRun.Of("online-dpo", "--prompts", prompts, "--model", model, "--label", "gym:sorting", "--out", output,
            "--rounds", "2", "--samples-per-prompt", "3", "--votes", "3", "--max-new-tokens", "6", "--max-steps", "2", "--batch-size", "4",
            "--lr", "1e-3", "--beta", "0.5", "--cream");
        Assert.True(run.ExitCode == 0, run.Error);

        Assert.Contains("round 1: ", run.Output);
        Assert.Contains("round 2: ", run.Output);
        Assert.Contains("gold of samples", run.Output);                          // a gym world is known: gold is reported
        Assert.Contains("consistency 1.000", run.Output.Split('\n').First(l => l.StartsWith("round 1:", StringComparison.Ordinal)));
        var kl = double.Parse(run.Output.Split('\n').First(l => l.StartsWith("gold: ", StringComparison.Ordinal))
            .Split("sequence KL to --model ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(double.IsFinite(kl) && kl != 0, $"KL {kl}: the trained policy's samples are scored against the starting one (0 only for the same weights)");
        for (var round = 1; round <= 2; round++)
        {
            var folder = Path.Combine(output, $"round-{round}");
            using var reloaded = Checkpoint.Load(folder);                       // loads on its own, tokenizer beside it
            Assert.Equal(257, TokenizerFiles.Load(folder).VocabularySize);
        }
        Assert.Contains(Path.Combine(output, "round-2"), run.Output);
    }

    [Fact]
    public void A_judge_endpoint_labels_every_pair_in_both_orders()
    {
        var (model, prompts, root) = Setup();
        // the judge prefers the longer response and calls equal lengths a tie
        using var server = new LoopbackChatServer((request, _) =>
        {
            var text = request.User;
            var a = text[(text.IndexOf("[Response A]\n", StringComparison.Ordinal) + 13)..text.IndexOf("\n\n[Response B]\n", StringComparison.Ordinal)];
            var b = text[(text.IndexOf("[Response B]\n", StringComparison.Ordinal) + 13)..];
            return (200, a.Length == b.Length ? "Verdict: tie" : a.Length > b.Length ? "Verdict: A" : "Verdict: B");
        });
        var output = Path.Combine(root, "out-judge");
        var run = CliRun.Of("online-dpo", "--prompts", prompts, "--model", model, "--label", $"judge:{server.BaseUrl}", "--judge-model", "loopback",
            "--out", output, "--rounds", "1", "--samples-per-prompt", "2", "--max-new-tokens", "8", "--max-steps", "1", "--batch-size", "4");
        Assert.True(run.ExitCode == 0, run.Error);

        Assert.Equal(8 * 2, server.Requests.Count);                              // 8 prompts × 1 pair × both orders
        Assert.DoesNotContain("gold", run.Output);                               // no world: no gold
        Assert.Contains("round 1: ", run.Output);
        Assert.True(File.Exists(Path.Combine(output, "round-1", "model.safetensors")));
    }

    [Fact]
    public void Bad_label_and_rso_sizes_name_the_option()
    {
        var (model, prompts, _) = Setup();
        var bad = CliRun.Of("online-dpo", "--prompts", prompts, "--model", model, "--label", "oracle", "--out", "x");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--label must be gym:WORLD", bad.Error);
        var rso = CliRun.Of("online-dpo", "--prompts", prompts, "--model", model, "--label", "gym:sorting", "--out", "x", "--pairs", "rso", "--rso-accepted", "4");
        Assert.Equal(2, rso.ExitCode);
        Assert.Contains("--rso-accepted", rso.Error);
    }

    [Fact]
    public void Momentum_needs_the_per_round_reference_and_runs_with_it()
    {
        var (model, prompts, root) = Setup();
        string[] args = ["online-dpo", "--prompts", prompts, "--model", model, "--label", "gym:sorting", "--rounds", "2", "--samples-per-prompt", "3",
            "--votes", "3", "--max-new-tokens", "6", "--max-steps", "2", "--batch-size", "4", "--lr", "1e-3", "--momentum", "0.3"];
        var refused = CliRun.Of([.. args, "--out", Path.Combine(root, "refused")]);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--momentum needs --refresh-reference", refused.Error);
        var run = CliRun.Of([.. args, "--out", Path.Combine(root, "apo"), "--refresh-reference"]);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("round 2: ", run.Output);
    }
}
