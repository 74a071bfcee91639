using PrefSharp.Torch.Models;
using PrefSharp.Torch.Tests.Models;
using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Training.Checkpointing;
using PrefSharp.Torch.Training.Data;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.Loop;
using PrefSharp.Torch.Training.Options;
using PrefSharp.Torch.Training.Sft;
using TorchSharp;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Training;

/// <summary>The loop's invariances: exact resume after a kill, accumulation equals a bigger batch, no tensor leaks.</summary>
public sealed class TrainerTests
{
    private static readonly List<TokenizedSequence> Corpus = CountingCorpus.Make(24, seed: 1);

    internal static Trainer<SequenceBatch> NewTrainer(ICausalLM model, TrainingOptions options, IReadOnlyList<TokenizedSequence>? data = null,
        IReadOnlyList<TokenizedSequence>? heldOut = null)
    {
        var train = new MicroBatchSource<TokenizedSequence, SequenceBatch>(data ?? Corpus, b => SequenceBatch.Collate(b, 0),
            options.MicroBatchSize, options.Seed);
        var evaluation = heldOut is null ? null
            : new MicroBatchSource<TokenizedSequence, SequenceBatch>(heldOut, b => SequenceBatch.Collate(b, 0), 16, 0, shuffle: false);
        return new Trainer<SequenceBatch>(TrainableModel.FromCausalLM(model), new SftObjective(model), train, options, evaluation,
            SftObjective.CountTokens, ProgressReporter.Silent);
    }

    private static TrainingOptions Options(string output) => new()
    {
        LearningRate = 1e-2, WarmupSteps = 2, MaxSteps = 12, MicroBatchSize = 4, GradientAccumulation = 2,
        CheckpointEvery = 3, KeepLastCheckpoints = 2, LogEvery = 2, Seed = 3, OutputDirectory = output,
    };

    [Fact]
    public void A_run_killed_at_a_random_step_and_resumed_ends_bit_identical_to_a_straight_run()
    {
        var root = Directory.CreateTempSubdirectory("resume-").FullName;
        using var straightModel = TinyConfigs.Create("llama", seed: 5);
        using (var straight = NewTrainer(straightModel, Options(Path.Combine(root, "straight"))))
            Assert.False(straight.Run().Cancelled);
        Assert.Equal([9L, 12L], CheckpointFolders.List(Path.Combine(root, "straight")).Select(c => c.Step));

        var killAt = new Random(2024).Next(4, 12);   // a step in 4..11, not always on a checkpoint
        var killedOutput = Path.Combine(root, "killed");
        using (var killedModel = TinyConfigs.Create("llama", seed: 5))
        using (var killed = NewTrainer(killedModel, Options(killedOutput)))
        using (var cancellation = new CancellationTokenSource())
        {
            killed.StepCompleted += report => { if (report.Step == killAt) cancellation.Cancel(); };
            var result = killed.Run(cancellation.Token);
            Assert.True(result.Cancelled);
            Assert.Equal(killAt, result.Step);
        }
        using var resumedModel = TinyConfigs.Create("llama", seed: 99);   // different weights: they must come from the checkpoint
        using var resumed = NewTrainer(resumedModel, Options(killedOutput));
        Assert.True(resumed.ResumeFromLatest());
        Assert.Equal(killAt / 3 * 3, resumed.Step);
        Assert.Equal(12, resumed.Run().Step);

        var expected = straightModel.Module.named_parameters().ToList();
        var actual = resumedModel.Module.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, parameter) in expected) TensorAssert.BitIdentical(parameter, actual[name], $"{name} (killed at step {killAt})");
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public void Resuming_from_an_empty_folder_says_so_once_and_starts_from_step_0()
    {
        var output = Directory.CreateTempSubdirectory("no-checkpoint-").FullName;
        var messages = new StringWriter();
        using var model = TinyConfigs.Create("llama", seed: 5);
        var options = Options(output);
        using var trainer = new Trainer<SequenceBatch>(TrainableModel.FromCausalLM(model), new SftObjective(model),
            new MicroBatchSource<TokenizedSequence, SequenceBatch>(Corpus, b => SequenceBatch.Collate(b, 0), options.MicroBatchSize, options.Seed),
            options, null, SftObjective.CountTokens, ProgressReporter.For(messages));

        Assert.False(trainer.ResumeFromLatest());
        Assert.Equal(0, trainer.Step);
        Assert.Equal($"--resume: no checkpoint in {output}; starting from step 0", messages.ToString().Trim());
        Directory.Delete(output, recursive: true);
    }

    [Fact]
    public void Batch_8_with_no_accumulation_equals_batch_1_accumulated_8_times()
    {
        var root = Directory.CreateTempSubdirectory("accumulate-").FullName;
        var baseOptions = new TrainingOptions
        {
            LearningRate = 1e-3, MaxSteps = 3, CheckpointEvery = 0, KeepLastCheckpoints = 1, Seed = 4, MaxGradNorm = 1.0,
        };
        // float64: in float32 the embedding of a token seen only at the end of a sequence has a gradient that is 0 in exact
        // arithmetic but ~1e-10 of rounding noise when padded positions of the wide batch attend to it, and Adam's
        // m/√v normalisation amplifies that noise to ~1e-5 of weight; in float64 the same noise is ~1e-19.
        using var wide = TinyConfigs.Create("llama", seed: 6);
        using var narrow = TinyConfigs.Create("llama", seed: 6);
        wide.Module.to(ScalarType.Float64);
        narrow.Module.to(ScalarType.Float64);
        using (var trainer = NewTrainer(wide, baseOptions with { MicroBatchSize = 8, GradientAccumulation = 1, OutputDirectory = Path.Combine(root, "a") }))
            trainer.Run();
        using (var trainer = NewTrainer(narrow, baseOptions with { MicroBatchSize = 1, GradientAccumulation = 8, OutputDirectory = Path.Combine(root, "b") }))
            trainer.Run();
        var actual = narrow.Module.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, parameter) in wide.Module.named_parameters())
            TensorAssert.Close(parameter, actual[name], 1e-6, name);
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public void Live_tensor_count_returns_to_its_start_after_steps_and_an_evaluation()
    {
        var root = Directory.CreateTempSubdirectory("leak-").FullName;
        using var model = TinyConfigs.Create("gpt2", seed: 2);
        var before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        using (var trainer = NewTrainer(model, Options(root) with { MaxSteps = 3, CheckpointEvery = 0 }, heldOut: Corpus[..5]))
        {
            trainer.Run();
            trainer.Evaluate();
            trainer.Run();   // already at the last step: nothing more
        }
        // The optimiser's two moments per parameter live until the trainer is disposed; nothing else may remain.
        Assert.Equal(before, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        Directory.Delete(root, recursive: true);
    }
}
