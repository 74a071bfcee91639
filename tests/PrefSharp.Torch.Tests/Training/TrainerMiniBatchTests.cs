using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Tests.Models;
using PrefSharp.Torch.Training.Data;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.Loop;
using PrefSharp.Torch.Training.Options;
using PrefSharp.Torch.Training.Sft;

namespace PrefSharp.Torch.Tests.Training;

/// <summary>
/// PPO's mini-batches on the shared loop: a step of two micro-batches with two mini-batches takes one optimiser update
/// per micro-batch, exactly as two steps of one micro-batch each do (same data order, learning rates and AdamW count).
/// </summary>
public sealed class TrainerMiniBatchTests
{
    private static readonly List<TokenizedSequence> Corpus = CountingCorpus.Make(24, seed: 1);

    [Fact]
    public void Two_mini_batches_per_step_equal_two_steps_of_one_micro_batch()
    {
        var root = Directory.CreateTempSubdirectory("minibatch-").FullName;
        var options = new TrainingOptions
        {
            LearningRate = 1e-2, WarmupSteps = 2, MicroBatchSize = 4, CheckpointEvery = 0, KeepLastCheckpoints = 1, Seed = 3, MaxGradNorm = 1.0,
        };
        using var split = TinyConfigs.Create("llama", seed: 5);
        using var plain = TinyConfigs.Create("llama", seed: 5);
        using (var trainer = New(split, options with { GradientAccumulation = 2, MaxSteps = 3, OutputDirectory = Path.Combine(root, "a") }, 2))
            trainer.Run();
        using (var trainer = New(plain, options with { GradientAccumulation = 1, MaxSteps = 6, OutputDirectory = Path.Combine(root, "b") }, 1))
            trainer.Run();
        var actual = plain.Module.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, parameter) in split.Module.named_parameters()) TensorAssert.BitIdentical(parameter, actual[name], name);
        Directory.Delete(root, recursive: true);
    }

    private static Trainer<SequenceBatch> New(PrefSharp.Torch.Models.ICausalLM model, TrainingOptions options, int miniBatches) =>
        new(TrainableModel.FromCausalLM(model), new SftObjective(model),
            new MicroBatchSource<TokenizedSequence, SequenceBatch>(Corpus, b => SequenceBatch.Collate(b, 0), options.MicroBatchSize, options.Seed),
            options, countTokens: SftObjective.CountTokens, progress: ProgressReporter.Silent)
        {
            UpdatesPerStep = miniBatches, MiniBatches = miniBatches,
        };
}
