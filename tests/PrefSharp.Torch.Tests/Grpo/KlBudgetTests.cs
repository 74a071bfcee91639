using PrefSharp.Torch.Rewards.Sources;
using PrefSharp.Torch.Tests.Models;
using PrefSharp.Torch.Training.Grpo;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.Options;
using PrefSharp.Torch.Training.Rollouts;

namespace PrefSharp.Torch.Tests.Grpo;

public class KlBudgetTests
{
    [Fact]
    public void The_budget_is_reached_at_the_first_full_window_whose_mean_meets_it()
    {
        // Window 3, budget 1 (values exact in binary): step 3's mean is (0 + 0.5 + 0.25) / 3 = 0.25, below; step 4's is
        // (0.5 + 0.25 + 2.25) / 3 = 1 exactly: reached, and the step-1 value has left the window.
        var budget = new KlBudget(1.0, window: 3);
        Assert.False(budget.Observe(0.0));
        Assert.False(budget.Observe(0.5));
        Assert.False(budget.Observe(0.25));
        Assert.Equal(0.25, budget.TrailingMean, 12);
        Assert.True(budget.Observe(2.25));
        Assert.Equal(4, budget.ReachedAtStep);
        Assert.True(budget.Observe(0.0), "once reached, the budget stays reached");
        Assert.Equal(4, budget.ReachedAtStep);
    }

    [Fact]
    public void A_single_spike_below_a_full_window_does_not_stop_the_run()
    {
        var budget = new KlBudget(1.0, window: 4);
        Assert.False(budget.Observe(3.9));   // a mean of 3.9 over one step, but the window is not yet full
        Assert.False(budget.Observe(0.0));
        Assert.False(budget.Observe(0.0));
        Assert.True(budget.Observe(0.1));    // (3.9 + 0 + 0 + 0.1) / 4 = 1.0
    }

    [Theory]
    [InlineData(0.0, 5)]
    [InlineData(double.PositiveInfinity, 5)]
    [InlineData(1.0, 0)]
    public void Bad_budgets_name_the_parameter(double nats, int window)
    {
        var error = Assert.Throws<ArgumentException>(() => new KlBudget(nats, window));
        Assert.Contains("KL budget", error.Message);
    }

    [Fact]
    public void The_trainer_stops_when_the_rollouts_reach_the_budget_and_saves_that_policy()
    {
        // The tiny policy learns fast at lr 2e-2 on a 4-token reward (GrpoTrainerTests), so a budget of 0.5 nats is reached
        // well before 40 steps; the stop is reported and the checkpoint is the step it stopped at.
        static double Gold(string prompt, string completion) =>
            completion.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(id => int.Parse(id) is >= 10 and <= 25) / 4.0;
        var output = Directory.CreateTempSubdirectory("grpo-kl-budget").FullName;
        using var policy = TinyConfigs.Create("gpt2", seed: 5);
        using var reference = TinyConfigs.Create("gpt2", seed: 5);
        var options = new GrpoTrainerOptions
        {
            GroupSize = 8, PromptsPerStep = 4, MaxCompletionLength = 4, Iterations = 2, MicroBatchSize = 16, KlBudget = 0.5, KlBudgetWindow = 2,
            Training = new() { LearningRate = 2e-2, WeightDecay = 0, Schedule = LearningRateSchedule.Constant, MaxSteps = 40, LogEvery = 5, Seed = 3, OutputDirectory = output },
        };
        GrpoPrompt[] prompts = [new("a", [5, 6]), new("b", [7]), new("c", [8, 9, 3]), new("d", [11])];
        using var trainer = new GrpoTrainer(policy, prompts, PointwiseRewardSource.FromFunction("gold", Gold), ids => string.Join(' ', ids), options,
            reference, progress: ProgressReporter.Silent);
        var result = trainer.Run();

        Assert.True(result.StoppedAtKlBudget);
        Assert.InRange(result.Steps, 2, 39);
        var kls = result.Reports.Select(r => r.Diagnostics.SequenceKl).ToArray();
        Assert.True((kls[^1] + kls[^2]) / 2 >= 0.5, $"stopped at a trailing KL of {(kls[^1] + kls[^2]) / 2:F3}");
        Assert.True(kls.SkipLast(1).Zip(kls.Skip(1).SkipLast(1), (a, b) => (a + b) / 2).All(mean => mean < 0.5), "an earlier window had already met the budget");
        Assert.True(Directory.Exists(Path.Combine(output, $"checkpoint-{result.Steps}")));
        Assert.Equal(result.Steps, File.ReadAllLines(Path.Combine(output, MetricsJsonlWriter.FileName)).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("step").GetInt64()).Last());
    }

    [Fact]
    public void A_budget_without_a_reference_model_is_refused()
    {
        using var policy = TinyConfigs.Create("gpt2", seed: 5);
        var options = new GrpoTrainerOptions { KlBudget = 1.0, Training = new() { MaxSteps = 1, OutputDirectory = Path.GetTempPath() } };
        var error = Assert.Throws<ArgumentException>(() => new GrpoTrainer(policy, [new GrpoPrompt("a", [5])],
            PointwiseRewardSource.FromFunction("zero", (_, _) => 0), ids => "", options));
        Assert.Contains("reference", error.Message);
    }
}
