using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Losses.Preference;
using PrefSharp.Torch.Tests.Models;
using PrefSharp.Torch.Training.Kto;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.Options;

namespace PrefSharp.Torch.Tests.Kto;

public sealed class KtoTrainerTests
{
    [Fact]
    public void A_short_run_raises_desirable_rewards_above_undesirable_ones()
    {
        // desirable completions use low ids (3..30), undesirable ones high ids (34..63): a rule the policy can learn
        var random = new Random(2);
        int[] Tokens(int n, int low, int high) => Enumerable.Range(0, n).Select(_ => random.Next(low, high)).ToArray();
        var rows = Enumerable.Range(0, 16).Select(i =>
        {
            var good = i % 2 == 0;
            var prompt = Tokens(3, 3, 64);
            return new TokenizedPair(TokenizedSequence.PromptCompletion(prompt, good ? Tokens(4, 3, 31) : Tokens(4, 34, 64)),
                TokenizedSequence.PromptCompletion(prompt, Tokens(4, 3, 64)), good ? 1.0 : 0.0);
        }).ToList();
        var root = Directory.CreateTempSubdirectory("kto-train-").FullName;
        using var policy = TinyConfigs.Create("gpt2", seed: 6);
        var training = new TrainingOptions { LearningRate = 1e-2, MaxSteps = 10, MicroBatchSize = 8, CheckpointEvery = 0, LogEvery = 100, OutputDirectory = root };
        using var trainer = new KtoTrainer(policy, rows, 0, new PreferenceLossOptions(), training, rows, ProgressReporter.Silent);
        Assert.Equal(1.0, trainer.Balance);
        var before = trainer.Trainer.Evaluate();
        trainer.Trainer.Run();
        var after = trainer.Trainer.Evaluate();
        // metrics are per judgement: the desirable minus undesirable reward sums per row start at 0 (policy = reference)
        double Gap(IReadOnlyDictionary<string, double> m) => m["rewards/desirable"] - m["rewards/undesirable"];
        Assert.Equal(0.0, Gap(before.Metrics), 6);
        Assert.True(Gap(after.Metrics) > 0.1, $"gap {Gap(after.Metrics):F4}");
        Assert.True(after.Loss < before.Loss, $"loss {before.Loss:F4} → {after.Loss:F4}");
        Directory.Delete(root, recursive: true);
    }
}
