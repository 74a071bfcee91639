namespace PrefSharp.Cli.Tests;

/// <summary><c>grpo --reward ttrl|evol</c>: label-free rewards from the group's own majority answer.</summary>
public sealed class LabelFreeRewardCommandTests
{
    [Fact]
    public void Grpo_trains_on_the_majority_vote_and_refuses_it_as_a_pairwise_reward()
    {
        var (root, model, prompts) = TinyGymPolicy.Create("prefsharp-evol-", 4);
        foreach (var reward in new[] { "ttrl", "evol" })
        {
            var run = CliRun.Of("grpo", "--prompts", prompts, "--model", model, "--reward", reward, "--gold", "sorting",
                "--out", Path.Combine(root, reward), "--max-steps", "1", "--group-size", "4", "--max-completion-length", "4");
            Assert.True(run.ExitCode == 0, run.Error);
            Assert.Contains(reward == "evol" ? "evol-rl" : "ttrl-majority", run.Output);
        }
        var pairwise = CliRun.Of("grpo", "--prompts", prompts, "--model", model, "--reward", "evol", "--pairwise", "--out", Path.Combine(root, "p"), "--max-steps", "1");
        Assert.Equal(2, pairwise.ExitCode);
        Assert.Contains("already relative within the group", pairwise.Error);
        Directory.Delete(root, recursive: true);
    }
}
