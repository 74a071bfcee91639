using System.Text.Json;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Rewards.Sources;
using PrefSharp.Torch.Tests.Models;
using PrefSharp.Torch.Training.Grpo;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.Options;
using TorchSharp;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Grpo;

public class GrpoTrainerTests
{
    // The tiny policy (vocab 64) is rewarded for the share of its completion tokens in 10..25: 16 of 64 ids, so an
    // untrained policy scores about 0.25 and the best policy 1.
    internal static double Gold(string prompt, string completion)
    {
        var ids = completion.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
        return ids.Length == 0 ? 0 : ids.Count(id => id is >= 10 and <= 25) / (double)ids.Length;
    }

    internal static string Decode(IReadOnlyList<long> ids) => string.Join(' ', ids);

    internal static readonly GrpoPrompt[] Prompts = [new("a", [5, 6]), new("b", [7]), new("c", [8, 9, 3]), new("d", [11])];

    private static GrpoTrainerOptions Options(string output, int steps, int iterations = 1) => new()
    {
        GroupSize = 8, PromptsPerStep = 4, MaxCompletionLength = 4, Iterations = iterations, MicroBatchSize = 16,
        Training = new() { LearningRate = 2e-2, WeightDecay = 0, Schedule = LearningRateSchedule.Constant,
            MaxSteps = steps, LogEvery = 1, Seed = 3, OutputDirectory = output },
    };

    private static (double First, double Last) Run(IGroupRewardSource reward, int steps, int iterations, string output)
    {
        using var policy = TinyConfigs.Create("gpt2", seed: 5);
        using var reference = TinyConfigs.Create("gpt2", seed: 5);
        using var trainer = new GrpoTrainer(policy, Prompts, reward, Decode, Options(output, steps, iterations), reference, Gold,
            ProgressReporter.Silent);
        var result = trainer.Run();
        var golds = result.Reports.Select(r => r.Diagnostics.GoldReward!.Value).ToArray();
        return (golds.Take(3).Average(), golds.TakeLast(3).Average());
    }

    [Fact]
    public void Pointwise_gold_reward_rises_and_every_step_is_logged_with_its_diagnostics()
    {
        var output = Directory.CreateTempSubdirectory("grpo").FullName;
        var (first, last) = Run(PointwiseRewardSource.FromFunction("gold", Gold), steps: 12, iterations: 2, output);
        Assert.True(last > first + 0.2, $"gold reward {first:F3} (first 3 steps) → {last:F3} (last 3)");

        var lines = File.ReadAllLines(Path.Combine(output, MetricsJsonlWriter.FileName));
        Assert.Equal(12, lines.Length);
        using var json = JsonDocument.Parse(lines[^1]);
        foreach (var name in new[] { "reward/gold", "reward/proxy", "kl", "entropy", "diversity/distinct_2", "diversity/self_bleu",
                     "frac_reward_zero_std", "clip_ratio", "illusory/tiny_spread_fraction", "time/generation_s", "tokens_per_second/training" })
            Assert.True(json.RootElement.TryGetProperty(name, out _), $"metrics.jsonl lacks {name}");
        Assert.True(json.RootElement.GetProperty("kl").GetDouble() > 0, "the policy moved but KL to the reference is 0");
        Assert.True(Directory.Exists(Path.Combine(output, "checkpoint-12")));
    }

    [Fact]
    public void Pairwise_bradley_terry_win_rate_reward_also_raises_the_gold_reward()
    {
        var output = Directory.CreateTempSubdirectory("prefgrpo").FullName;
        var winRate = WinRateRewardSource.BradleyTerry(PointwiseRewardSource.FromFunction("gold", Gold), temperature: 0.1);
        var (first, last) = Run(winRate, steps: 12, iterations: 2, output);
        Assert.True(last > first + 0.2, $"gold reward {first:F3} (first 3 steps) → {last:F3} (last 3)");
    }

    [Fact]
    public void Leave_one_out_advantages_raise_the_gold_reward_too()
    {
        var output = Directory.CreateTempSubdirectory("rloo").FullName;
        using var policy = TinyConfigs.Create("gpt2", seed: 5);
        var options = Options(output, 12, 2) with { Estimator = AdvantageEstimator.LeaveOneOut };
        using var trainer = new GrpoTrainer(policy, Prompts, PointwiseRewardSource.FromFunction("gold", Gold), Decode, options,
            gold: Gold, progress: ProgressReporter.Silent);
        var golds = trainer.Run().Reports.Select(r => r.Diagnostics.GoldReward!.Value).ToArray();
        Assert.True(golds.TakeLast(3).Average() > golds.Take(3).Average() + 0.2, string.Join(", ", golds.Select(g => g.ToString("F2"))));
    }

    [Fact]
    public void Steps_leave_no_live_tensors_behind()
    {
        using var policy = TinyConfigs.Create("llama", seed: 2);
        using var reference = TinyConfigs.Create("llama", seed: 2);
        var options = Options(Directory.CreateTempSubdirectory("grpo-live").FullName, 5, 2) with
        {
            PromptsPerStep = 2,
            MicroBatchSize = 5, Loss = new GrpoLossOptions { Beta = 0.04, EntropyCoefficient = 0.01 },
        };
        using var trainer = new GrpoTrainer(policy, Prompts, PointwiseRewardSource.FromFunction("gold", Gold), Decode, options,
            reference, Gold, ProgressReporter.Silent);
        trainer.TrainStep();                                         // creates AdamW's moments once
        var before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        trainer.TrainStep();
        trainer.TrainStep();
        Assert.Equal(before, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    [Fact]
    public void Bad_options_name_the_option()
    {
        using var policy = TinyConfigs.Create("gpt2");
        var reward = PointwiseRewardSource.FromFunction("gold", Gold);
        var error = Assert.Throws<ArgumentException>(() => new GrpoTrainer(policy, Prompts, reward, Decode,
            Options("x", 1) with { GroupSize = 1 }));
        Assert.Contains("GroupSize", error.Message);
        error = Assert.Throws<ArgumentException>(() => new GrpoTrainer(policy, Prompts, reward, Decode,
            Options("x", 1) with { Loss = new GrpoLossOptions { Beta = 0.1 } }));
        Assert.Contains("reference", error.Message);
    }
    [Fact]
    public void Masking_truncated_completions_leaves_a_rollout_of_cut_off_samples_without_gradient()
    {
        // One token per completion: every sample that is not the EOS token is cut off, so with the mask the step's loss
        // and gradient are exactly 0 (nothing scored) while the same step without it moves the policy.
        double GradNorm(bool mask)
        {
            using var policy = TinyConfigs.Create("gpt2", seed: 5);
            var options = Options(Directory.CreateTempSubdirectory("grpo-trunc").FullName, 1) with { MaxCompletionLength = 1, MaskTruncatedCompletions = mask };
            using var trainer = new GrpoTrainer(policy, Prompts, PointwiseRewardSource.FromFunction("gold", Gold), Decode, options, progress: ProgressReporter.Silent);
            var report = trainer.TrainStep();
            if (mask) Assert.Equal(0.0, report.Loss);
            return report.GradNorm;
        }
        Assert.Equal(0.0, GradNorm(mask: true));
        Assert.True(GradNorm(mask: false) > 0);
    }
}
