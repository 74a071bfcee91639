using System.Text.Json;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Rewards.Sources;
using PrefSharp.Torch.Tests.Grpo;
using PrefSharp.Torch.Tests.Models;
using PrefSharp.Torch.Training.Grpo;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.Options;
using PrefSharp.Torch.Training.Ppo;
using TorchSharp;

namespace PrefSharp.Torch.Tests.Ppo;

public class PpoTrainerTests
{
    // The gold utility of GrpoTrainerTests: the share of completion tokens in 10..25 (about 0.25 untrained, 1 at best).
    private static double Gold(string prompt, string completion) => GrpoTrainerTests.Gold(prompt, completion);

    private static string Decode(IReadOnlyList<long> ids) => GrpoTrainerTests.Decode(ids);

    private static readonly GrpoPrompt[] Prompts = GrpoTrainerTests.Prompts;

    private static readonly IGroupRewardSource Reward = PointwiseRewardSource.FromFunction("gold", Gold);

    internal static PpoTrainerOptions Options(string output, int steps, PpoAlgorithm algorithm = PpoAlgorithm.Ppo) => new()
    {
        Algorithm = algorithm, PromptsPerStep = 16, MaxCompletionLength = 4, Temperature = 1, KlCoefficient = 0.01,
        Epochs = 2, MiniBatches = 2, MicroBatchSize = 8,
        Training = new() { LearningRate = 2e-2, WeightDecay = 0, Schedule = LearningRateSchedule.Constant,
            MaxSteps = steps, LogEvery = 1, Seed = 3, OutputDirectory = output },
    };

    private static double[] Golds(PpoTrainerOptions options, Func<ICausalLM, IValueModel?> value)
    {
        using var policy = TinyConfigs.Create("gpt2", seed: 5);
        using var reference = TinyConfigs.Create("gpt2", seed: 5);
        foreach (var p in reference.Module.parameters()) p.requires_grad = false;
        using var trainer = new PpoTrainer(policy, value(policy), Prompts, Reward, Decode, options, reference, Gold, ProgressReporter.Silent);
        return trainer.Run().Reports.Select(r => r.Diagnostics.GoldReward!.Value).ToArray();
    }

    private static void AssertRises(double[] golds) => Assert.True(golds.TakeLast(3).Average() > golds.Take(3).Average() + 0.2,
        string.Join(", ", golds.Select(g => g.ToString("F2"))));

    [Fact]
    public void Ppo_with_a_value_head_raises_the_gold_reward_and_logs_its_diagnostics()
    {
        var output = Directory.CreateTempSubdirectory("ppo").FullName;
        AssertRises(Golds(Options(output, 12), policy => new ValueHead(policy.Config.HiddenSize)));

        var lines = File.ReadAllLines(Path.Combine(output, MetricsJsonlWriter.FileName));
        Assert.Equal(12, lines.Length);
        using var json = JsonDocument.Parse(lines[^1]);
        foreach (var name in new[] { "reward/gold", "reward/proxy", "kl/sequence", "explained_variance", "loss/value", "loss/policy",
                     "clip_fraction/policy", "clip_fraction/value", "approx_kl", "entropy" })
            Assert.True(json.RootElement.TryGetProperty(name, out _), $"metrics.jsonl lacks {name}");
        Assert.True(json.RootElement.GetProperty("approx_kl").GetDouble() > 0, "two epochs moved the policy but approx KL is 0");
        Assert.True(File.Exists(Path.Combine(output, "checkpoint-12", PolicyWithValue.ValueFolder, "model.safetensors")), "the value head is not saved");
    }

    [Fact]
    public void Ppo_with_a_critic_initialised_from_a_reward_model_raises_the_gold_reward()
    {
        var output = Directory.CreateTempSubdirectory("ppo-critic").FullName;
        using var critic = new RewardModel(new RewardModelConfig { Backbone = PrefSharp.Torch.Checkpoints.ModelConfigJson.Parse(TinyConfigs.Json("gpt2")) });
        AssertRises(Golds(Options(output, 12), _ => new RewardModelCritic(critic)));
        Assert.True(File.Exists(Path.Combine(output, "checkpoint-12", PolicyWithValue.ValueFolder, "config.json")), "the critic is not saved");
    }

    [Fact]
    public void P3o_raises_the_gold_reward_without_a_value_model()
    {
        var output = Directory.CreateTempSubdirectory("p3o").FullName;
        AssertRises(Golds(Options(output, 12, PpoAlgorithm.P3o) with { PromptsPerStep = 8 }, _ => null));
    }

    [Fact]
    public void Steps_leave_no_live_tensors_behind()
    {
        using var policy = TinyConfigs.Create("llama", seed: 2);
        using var reference = TinyConfigs.Create("llama", seed: 2);
        using var trainer = new PpoTrainer(policy, new ValueHead(policy.Config.HiddenSize), Prompts, Reward, Decode,
            Options(Directory.CreateTempSubdirectory("ppo-live").FullName, 5), reference, Gold, ProgressReporter.Silent);
        trainer.TrainStep();
        var before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        trainer.TrainStep();
        trainer.TrainStep();
        Assert.Equal(before, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    [Fact]
    public void Bad_options_name_the_option()
    {
        using var policy = TinyConfigs.Create("gpt2");
        var error = Assert.Throws<ArgumentException>(() => new PpoTrainer(policy, null, Prompts, Reward, Decode, Options("x", 1)));
        Assert.Contains("value model", error.Message);
        error = Assert.Throws<ArgumentException>(() => new PpoTrainer(policy, null, Prompts, Reward, Decode,
            Options("x", 1, PpoAlgorithm.P3o) with { MicroBatchSize = 3 }));
        Assert.Contains("MicroBatchSize", error.Message);
        error = Assert.Throws<ArgumentException>(() => new PpoTrainer(policy, new ValueHead(policy.Config.HiddenSize), Prompts, Reward,
            Decode, Options("x", 1)));
        Assert.Contains("reference", error.Message);
    }
}
