using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Generation;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Rewards.Sources;
using PrefSharp.Torch.Tests.Models;
using PrefSharp.Torch.Training.Checkpointing;
using PrefSharp.Torch.Training.Grpo;
using PrefSharp.Torch.Training.Guards;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.Options;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Training.Guards;

/// <summary>
/// A diverged run (learning rate 1e9) stops at the first non-finite loss or gradient norm, writes no checkpoint for
/// that step or later, and leaves a newest checkpoint whose weights are all finite; a checkpoint with a NaN weight is
/// refused by tensor name; sampling from non-finite logits is a typed exception, not a native error.
/// </summary>
public sealed class NonFiniteGuardTests
{
    private static TrainingOptions Diverging(string output) => new()
    {
        LearningRate = 1e9, MaxSteps = 8, MicroBatchSize = 4, CheckpointEvery = 1, KeepLastCheckpoints = 0, Seed = 3, OutputDirectory = output,
    };

    [Fact]
    public void The_shared_loop_stops_at_the_first_non_finite_step_and_keeps_only_finite_checkpoints()
    {
        var output = Directory.CreateTempSubdirectory("diverge-").FullName;
        using var model = TinyConfigs.Create("llama", seed: 5);
        using var trainer = TrainerTests.NewTrainer(model, Diverging(output));
        var error = Assert.Throws<TrainingDivergedException>(() => trainer.Run());

        Assert.InRange(error.Step, 1, 8);
        Assert.False(double.IsFinite(error.Value));
        Assert.Contains($"step {error.Step}", error.Message);
        Assert.Contains("--lr", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        var saved = CheckpointFolders.List(output);
        Assert.All(saved, c => Assert.True(c.Step < error.Step, $"checkpoint-{c.Step} written at or after the failing step {error.Step}"));
        Assert.Equal(saved.Count == 0 ? null : saved[^1].Path, error.LastGoodCheckpoint);
        if (saved.Count > 0)
        {
            using var reloaded = TinyConfigs.Create("llama", seed: 9);
            Checkpoint.LoadWeights(reloaded, saved[^1].Path);   // refuses non-finite tensors
        }
        Directory.Delete(output, recursive: true);
    }

    [Fact]
    public void A_checkpoint_with_one_nan_weight_is_refused_by_the_tensors_name()
    {
        var folder = Directory.CreateTempSubdirectory("nan-weight-").FullName;
        using (var model = TinyConfigs.Create("gpt2", seed: 5))
        {
            var (name, parameter) = model.Module.named_parameters().First(p => p.parameter.dim() == 2);
            using (no_grad()) parameter.view(-1)[3] = float.NaN;
            Checkpoint.Save(model, folder);
            using var target = TinyConfigs.Create("gpt2", seed: 6);
            var error = Assert.Throws<InvalidDataException>(() => Checkpoint.LoadWeights(target, folder));
            Assert.Contains($"'{name}'", error.Message);   // stored under its named_parameters() name
            Assert.Contains("1 non-finite value", error.Message);
        }
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void Sampling_from_a_model_with_non_finite_logits_is_a_typed_error()
    {
        using var model = TinyConfigs.Create("gpt2", seed: 5);
        using (no_grad()) model.Module.named_parameters().First(p => p.name.Contains("ln_f")).parameter.fill_(float.NaN);
        using var ids = tensor(new long[,] { { 1, 2, 3 } });
        using var mask = ones_like(ids);
        var error = Assert.Throws<NonFiniteLogitsException>(() =>
            BatchGenerator.Generate(model, ids, mask, new GenerationOptions { MaxNewTokens = 3, Temperature = 1.0, Seed = 1 }));
        Assert.Equal(0, error.TokenIndex);
    }

    [Fact]
    public void Grpo_with_a_diverging_learning_rate_stops_with_the_step_not_a_native_trace()
    {
        var world = new SortingWorld();
        var prompts = Enumerable.Range(0, 3).Select(i => world.SamplePrompt(new Random(i)))
            .Select(p => new GrpoPrompt(p, p.Select(ch => (long)(ch - '0' + 1)).ToArray())).ToArray();
        var output = Directory.CreateTempSubdirectory("grpo-diverge-").FullName;
        using var policy = TinyConfigs.Create("gpt2", seed: 5);
        var options = new GrpoTrainerOptions
        {
            GroupSize = 4, PromptsPerStep = 2, MaxCompletionLength = 4,
            Loss = new GrpoLossOptions { Beta = 0 },
            Training = Diverging(output),
        };
        using var trainer = new GrpoTrainer(policy, prompts, PointwiseRewardSource.FromFunction("sorting", world.GoldUtility),
            ids => string.Concat(ids.Select(id => (char)('0' + id % 10))), options, progress: ProgressReporter.Silent);
        var error = Assert.Throws<TrainingDivergedException>(() => trainer.Run());
        Assert.All(CheckpointFolders.List(output), c => Assert.True(c.Step < error.Step));
        Directory.Delete(output, recursive: true);
    }
}
