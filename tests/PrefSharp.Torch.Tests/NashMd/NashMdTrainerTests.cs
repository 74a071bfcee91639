using System.Text.Json;
using PrefSharp.Torch.Rewards.Sources;
using PrefSharp.Torch.Tests.Models;
using PrefSharp.Torch.Training.Grpo;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.NashMd;
using PrefSharp.Torch.Training.Options;

namespace PrefSharp.Torch.Tests.NashMd;

public sealed class NashMdTrainerTests
{
    // The tiny policy (vocab 64) is preferred for the share of its tokens in 10..25: an untrained policy scores ≈ 0.25.
    private static double Gold(string prompt, string completion)
    {
        var ids = completion.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
        return ids.Length == 0 ? 0 : ids.Count(id => id is >= 10 and <= 25) / (double)ids.Length;
    }

    private static string Decode(IReadOnlyList<long> ids) => string.Join(' ', ids);

    private static readonly GrpoPrompt[] Prompts = [new("a", [5, 6]), new("b", [7]), new("c", [8, 9, 3]), new("d", [11])];

    [Fact]
    public void Playing_against_the_mixture_under_a_preference_raises_the_gold_share_and_logs_the_game()
    {
        var output = Directory.CreateTempSubdirectory("nashmd").FullName;
        using var policy = TinyConfigs.Create("gpt2", seed: 5);
        using var reference = TinyConfigs.Create("gpt2", seed: 5);
        foreach (var p in reference.Module.parameters()) p.requires_grad = false;
        var preference = WinRateRewardSource.FromPreference("share", (_, a, b) => 1 / (1 + Math.Exp(-8 * (Gold("", a) - Gold("", b)))));
        var options = new NashMdOptions
        {
            PromptsPerStep = 32, MaxCompletionLength = 4, MicroBatchSize = 16, Tau = 0.01,
            Training = new() { LearningRate = 2e-2, WeightDecay = 0, Schedule = LearningRateSchedule.Constant, MaxSteps = 12, LogEvery = 1, Seed = 3, OutputDirectory = output },
        };
        using var trainer = new NashMdTrainer(policy, reference, preference, Prompts, Decode, options, Gold, ProgressReporter.Silent);
        trainer.Run();
        var lines = File.ReadAllLines(Path.Combine(output, MetricsJsonlWriter.FileName)).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(12, lines.Length);
        var gold = lines.Select(l => l.GetProperty("reward/gold").GetDouble()).ToArray();
        Assert.True(gold.TakeLast(3).Average() > gold.Take(3).Average() + 0.2, string.Join(", ", gold.Select(g => g.ToString("F2"))));
        Assert.True(lines[^1].GetProperty("kl").GetDouble() > 0, "the policy moved but its samples are not less likely under the reference");
        Assert.True(lines[^1].GetProperty("nash/preference_vs_opponent").GetDouble() > 0.5, "the trained policy should beat its mixture with the untrained reference");
    }

    [Fact]
    public void A_pointwise_source_is_refused_with_a_message_naming_it()
    {
        using var policy = TinyConfigs.Create("gpt2");
        var error = Assert.Throws<ArgumentException>(() => new NashMdTrainer(policy, policy, PointwiseRewardSource.FromFunction("gold", Gold),
            Prompts, Decode, new NashMdOptions(), progress: ProgressReporter.Silent));
        Assert.Contains("gold is a pointwise score", error.Message);
    }
}
