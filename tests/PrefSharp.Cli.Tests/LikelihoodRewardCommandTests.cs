using System.Text.Json;
using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Tokenization;
using static TorchSharp.torch;

namespace PrefSharp.Cli.Tests;

/// <summary>The likelihood rewards <c>cdr:STRONG,WEAK</c> and <c>flr:DIR</c> reach <c>score</c> and <c>online-dpo --label</c>.</summary>
public sealed class LikelihoodRewardCommandTests
{
    [Fact]
    public void Score_grpo_and_online_dpo_read_likelihood_rewards_of_checkpoints()
    {
        var (root, strong, prompts) = TinyGymPolicy.Create("prefsharp-cdr-", 4);
        var weak = Path.Combine(root, "weak");
        manual_seed(9);
        using (var model = CausalLM.Create(ModelConfigJson.Parse(TinyGymPolicy.Config))) Checkpoint.Save(model, weak);
        TokenizerFiles.SaveByteLevel(new ByteLevelTokenizer(), weak);
        var pairs = Path.Combine(root, "pairs.jsonl");
        File.WriteAllLines(pairs, ["""{"prompt": "312", "chosen": "123", "rejected": "321"}""", """{"prompt": "95", "chosen": "59", "rejected": "9"}"""]);

        double[][] Scores(string spec)
        {
            var run = CliRun.Of("score", "--model", spec, "--data", pairs);
            Assert.True(run.ExitCode == 0, run.Error);
            return [.. run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)
                .Select(r => new[] { r.GetProperty("reward_chosen").GetDouble(), r.GetProperty("reward_rejected").GetDouble() })];
        }
        var forward = Scores($"cdr:{strong},{weak}");
        var backward = Scores($"cdr:{weak},{strong}");
        Assert.Equal(2, forward.Length);
        for (var i = 0; i < 2; i++)
            for (var j = 0; j < 2; j++) Assert.Equal(-forward[i][j], backward[i][j], 12);   // the same two log-likelihoods, swapped
        Assert.All(Scores($"cdr:{strong},{strong}").SelectMany(r => r), r => Assert.Equal(0.0, r));

        var online = CliRun.Of("online-dpo", "--prompts", prompts, "--model", strong, "--label", $"cdr:{strong},{weak}", "--gold", "sorting",
            "--out", Path.Combine(root, "out"), "--rounds", "1", "--samples-per-prompt", "2", "--max-new-tokens", "4", "--max-steps", "1", "--batch-size", "2");
        Assert.True(online.ExitCode == 0, online.Error);
        Assert.Contains("label cdr", online.Output);
        var followUp = Scores($"flr:{strong}");
        Assert.All(followUp.SelectMany(r => r), r => Assert.True(double.IsFinite(r) && r != 0));   // praise and complaint differ in likelihood
        var grpo = CliRun.Of("grpo", "--prompts", prompts, "--model", strong, "--reward", $"flr:{strong}", "--out", Path.Combine(root, "grpo"),
            "--max-steps", "1", "--group-size", "2", "--max-completion-length", "4");
        Assert.True(grpo.ExitCode == 0, grpo.Error);
        var missing = CliRun.Of("score", "--model", $"cdr:{strong}", "--data", pairs);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("cdr:STRONG,WEAK needs two existing checkpoint folders", missing.Error);
        var two = CliRun.Of("score", "--model", $"flr:{strong},{weak}", "--data", pairs);
        Assert.Equal(2, two.ExitCode);
        Assert.Contains("flr:DIR needs one existing checkpoint folder", two.Error);
        Directory.Delete(root, recursive: true);
    }
}
