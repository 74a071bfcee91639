using PrefSharp.Torch.Models;
using PrefSharp.Torch.Rewards.Sources;
using PrefSharp.Torch.Tests.Grpo;
using PrefSharp.Torch.Tests.Models;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.Ppo;

namespace PrefSharp.Torch.Tests.Ppo;

/// <summary>PPO stops at a KL budget as GRPO does: the first full window whose mean sequence KL reaches it ends the run.</summary>
public sealed class PpoKlBudgetTests
{
    [Fact]
    public void The_trainer_stops_at_the_first_window_that_reaches_the_budget_and_saves_that_policy()
    {
        // PpoTrainerTests' setting raises gold within 12 steps at lr 2e-2, moving the policy well past 0.3 nats of KL.
        var output = Directory.CreateTempSubdirectory("ppo-kl-budget").FullName;
        using var policy = TinyConfigs.Create("gpt2", seed: 5);
        using var reference = TinyConfigs.Create("gpt2", seed: 5);
        foreach (var p in reference.Module.parameters()) p.requires_grad = false;
        using var head = new ValueHead(policy.Config.HiddenSize);
        var messages = new StringWriter();
        var options = PpoTrainerTests.Options(output, 30) with { KlBudget = 0.3, KlBudgetWindow = 2 };
        using var trainer = new PpoTrainer(policy, head, GrpoTrainerTests.Prompts, PointwiseRewardSource.FromFunction("gold", GrpoTrainerTests.Gold),
            GrpoTrainerTests.Decode, options, reference, progress: ProgressReporter.For(messages));
        var result = trainer.Run();

        Assert.True(result.StoppedAtKlBudget);
        Assert.InRange(result.Steps, 2, 29);
        var kls = result.Reports.Select(r => r.Diagnostics.SequenceKl).ToArray();
        Assert.True((kls[^1] + kls[^2]) / 2 >= 0.3, $"stopped at a trailing KL of {(kls[^1] + kls[^2]) / 2:F3}");
        Assert.True(kls.SkipLast(1).Zip(kls.Skip(1).SkipLast(1), (a, b) => (a + b) / 2).All(mean => mean < 0.3), "an earlier window had already met the budget");
        Assert.True(Directory.Exists(Path.Combine(output, $"checkpoint-{result.Steps}")));
        Assert.Contains($"stopped at step {result.Steps}: the mean sequence KL of the last 2 rollouts", messages.ToString());
    }

    [Fact]
    public void A_budget_without_a_reference_model_is_refused()
    {
        using var policy = TinyConfigs.Create("gpt2", seed: 5);
        using var head = new ValueHead(policy.Config.HiddenSize);
        var options = PpoTrainerTests.Options("x", 1) with { KlCoefficient = 0, KlBudget = 1.0 };
        var error = Assert.Throws<ArgumentException>(() => new PpoTrainer(policy, head, GrpoTrainerTests.Prompts,
            PointwiseRewardSource.FromFunction("zero", (_, _) => 0), GrpoTrainerTests.Decode, options));
        Assert.Contains("KlBudget", error.Message);
    }
}
