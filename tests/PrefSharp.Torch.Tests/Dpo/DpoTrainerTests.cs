using PrefSharp.Torch.Training.Dpo;
using PrefSharp.Torch.Losses.Preference;
using PrefSharp.Torch.Tests.Models;
using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.Options;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Dpo;

/// <summary>DpoTrainer: training moves the implicit reward margins, cached = live reference, TR-DPO syncs on schedule.</summary>
public sealed class DpoTrainerTests
{
    /// <summary>16 pairs: a 3-token prompt; the chosen completion uses low ids (3..30), the rejected one high ids (34..63).</summary>
    private static List<TokenizedPair> Pairs(int count, int seed)
    {
        var random = new Random(seed);
        int[] Tokens(int n, int low, int high) => Enumerable.Range(0, n).Select(_ => random.Next(low, high)).ToArray();
        return Enumerable.Range(0, count).Select(_ =>
        {
            var prompt = Tokens(3, 3, 64);
            return new TokenizedPair(TokenizedSequence.PromptCompletion(prompt, Tokens(random.Next(3, 6), 3, 31)),
                TokenizedSequence.PromptCompletion(prompt, Tokens(random.Next(3, 6), 34, 64)));
        }).ToList();
    }

    private static TrainingOptions Training(string output, int steps) => new()
    {
        LearningRate = 1e-2, MaxSteps = steps, MicroBatchSize = 8, CheckpointEvery = 0, KeepLastCheckpoints = 1, LogEvery = 100,
        Seed = 7, OutputDirectory = output,
    };

    [Theory]
    [InlineData(ReferenceMode.Live, "sigmoid")]
    [InlineData(ReferenceMode.None, "simpo")]
    public void A_short_run_raises_margins_and_accuracy_on_its_pairs(ReferenceMode mode, string losses)
    {
        var root = Directory.CreateTempSubdirectory("dpo-train-").FullName;
        using var policy = TinyConfigs.Create("llama", seed: 3);
        var options = new DpoOptions { Reference = mode, Losses = LossList.Parse(losses) };
        var pairs = Pairs(16, seed: 1);
        using var trainer = new DpoTrainer(policy, pairs, padId: 0, options, Training(root, 12), pairs, progress: ProgressReporter.Silent);
        var before = trainer.Trainer.Evaluate();
        trainer.Run();
        var after = trainer.Trainer.Evaluate();
        // With a reference, the policy starts equal to it: every implicit reward is exactly 0, so margins are 0 and no
        // pair is strictly right. Evaluated on the training pairs: this checks the optimisation, not generalisation.
        if (mode != ReferenceMode.None) Assert.Equal(0.0, before.Metrics["rewards/margins"], 6);
        Assert.True(after.Metrics["rewards/margins"] > before.Metrics["rewards/margins"] + 0.1,
            $"margins {before.Metrics["rewards/margins"]:F4} → {after.Metrics["rewards/margins"]:F4}");
        Assert.True(after.Metrics["rewards/accuracies"] >= 0.9, $"accuracy {after.Metrics["rewards/accuracies"]:F3}");
        Assert.True(after.Loss < before.Loss, $"loss {before.Loss:F4} → {after.Loss:F4}");
        // Ranking accuracy rises with the training; displacement and the reference's ranking exist only with a reference.
        Assert.InRange(after.Metrics["ranking/accuracy"], 0.0, 1.0);
        Assert.Equal(mode != ReferenceMode.None, after.Metrics.ContainsKey("displacement/chosen"));
        Assert.Equal(mode != ReferenceMode.None, after.Metrics.ContainsKey("ranking/reference"));
        // Per-pair gradient entanglement is logged with the training metrics: a mean cosine, so within [−1, 1], and not
        // the exact 0 of unrelated gradients (chosen and rejected completions share the prompt and the whole network).
        const string key = "gradient_entanglement/cosine";
        var logged = File.ReadLines(Path.Combine(root, "metrics.jsonl")).Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement)
            .Last(line => line.TryGetProperty(key, out _)).GetProperty(key).GetDouble();
        Assert.InRange(logged, -1.0, 1.0);
        Assert.NotEqual(0.0, logged);
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public void Cached_and_live_references_give_the_same_losses_step_by_step()
    {
        var root = Directory.CreateTempSubdirectory("dpo-cache-").FullName;
        List<double> Losses(ReferenceMode mode)
        {
            using var policy = TinyConfigs.Create("gpt2", seed: 4);
            using var trainer = new DpoTrainer(policy, Pairs(16, seed: 5), 0, new DpoOptions { Reference = mode },
                Training(Path.Combine(root, mode.ToString()), 5), progress: ProgressReporter.Silent);
            var losses = new List<double>();
            trainer.Trainer.StepCompleted += report => losses.Add(report.Loss);
            trainer.Run();
            return losses;
        }
        var live = Losses(ReferenceMode.Live);
        var cached = Losses(ReferenceMode.Cached);
        Assert.True(File.Exists(Path.Combine(root, nameof(ReferenceMode.Cached), DpoTrainer.CacheFileName)));
        Assert.Equal(5, cached.Count);
        // The first step's loss is log 2 with a live reference: policy = reference on the same batch, so every margin is 0
        // and −log σ(0) = log 2 up to the float32 loss chain (6 roundings per pair, 8 pairs). The cache was filled in other
        // batches (padding differs): each cached log π of ≤ 8 tokens (5 scored, |log π| ≤ 5·2·log V at initialisation) is off
        // by ≤ δ, a margin by 2δ, the loss by ≤ β·δ. A cache row of another pair moves a margin by units, the loss by ≥ 0.01.
        var config = PrefSharp.Torch.Checkpoints.ModelConfigJson.Parse(TinyConfigs.Json("gpt2"));
        var delta = FloatTolerance.Of(ScalarType.Float32, FloatTolerance.DecoderOperations(config, 8), 5 * 2 * Math.Log(config.VocabSize));
        var lossChain = FloatTolerance.Of(ScalarType.Float32, 6 * 8, Math.Log(2));
        Assert.Equal(Math.Log(2), live[0], lossChain);
        Assert.Equal(live[0], cached[0], new PreferenceLossOptions().Beta * delta + 2 * lossChain);
        // Later steps are not bounded by rounding alone: the two trajectories part at step 0 by the difference above and
        // Adam's normalised update carries it on. They are held to 1e-3, which must stay 10× below the loss's own decrease.
        Assert.True(live[0] - live[^1] > 1e-2, $"loss {live[0]} → {live[^1]}");
        for (var i = 1; i < live.Count; i++) Assert.Equal(live[i], cached[i], 1e-3);
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public void Tr_dpo_hard_sync_copies_the_policy_into_the_reference_every_tau_steps_and_the_checkpoint_keeps_it()
    {
        var root = Directory.CreateTempSubdirectory("dpo-sync-").FullName;
        using var policy = TinyConfigs.Create("llama", seed: 8);
        var options = new DpoOptions { SyncSteps = 3, SyncAlpha = 1.0 };
        using var trainer = new DpoTrainer(policy, Pairs(16, seed: 9), 0, options, Training(root, 7), progress: ProgressReporter.Silent);
        var equalAt = new List<long>();
        trainer.Trainer.StepCompleted += report =>     // runs after the trainer's own sync handler
        {
            using var scope = NewDisposeScope();
            var reference = trainer.Reference!.Module.named_parameters().ToDictionary(p => p.name, p => p.parameter);
            var same = policy.Module.named_parameters().All(p => p.parameter.eq(reference[p.name]).all().item<bool>());
            if (same) equalAt.Add(report.Step);
        };
        var result = trainer.Run();
        Assert.Equal([3L, 6L], equalAt);
        Assert.Equal(2, trainer.SyncCount);
        Assert.True(Directory.Exists(Path.Combine(result.LastCheckpoint!, DpoTrainer.ReferenceFolder)));
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public void Options_out_of_range_are_refused_with_the_option_name()
    {
        Assert.Contains("SyncAlpha", Assert.Throws<ArgumentException>(() => new DpoOptions { SyncAlpha = 0 }.Validate()).Message);
        Assert.Contains("Live", Assert.Throws<ArgumentException>(() => new DpoOptions { SyncSteps = 4, Reference = ReferenceMode.Cached }.Validate()).Message);
        Assert.Contains("unknown loss 'sigmod'", Assert.Throws<ArgumentException>(() => LossList.Parse("sigmoid,sigmod")).Message);
        Assert.Equal([new WeightedLoss(PreferenceLossType.Sigmoid), new WeightedLoss(PreferenceLossType.Sft, 0.2), new WeightedLoss(PreferenceLossType.ExoPair)],
            LossList.Parse("sigmoid, sft:0.2,exo_pair"));
        Assert.Throws<ArgumentException>(() => LossList.Parse("sft:-1"));
    }
}
