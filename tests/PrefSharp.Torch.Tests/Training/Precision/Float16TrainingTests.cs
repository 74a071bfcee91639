using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Training;
using PrefSharp.Torch.Training.Data;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.Loop;
using PrefSharp.Torch.Training.Options;
using PrefSharp.Torch.Training.Sft;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Training.Precision;

/// <summary>
/// float16 training under the dynamic loss scale: a loss of order 10⁻⁶ has per-weight gradients of order 10⁻⁹, below
/// float16's smallest subnormal (2⁻²⁴ ≈ 6·10⁻⁸), so without the scale they flush to zero; with S = 2¹⁶ they survive
/// and the step's gradient norm is that of float32 (here: at least half of it, against 0 when flushed).
/// </summary>
public sealed class Float16TrainingTests
{
    private sealed class TinyLoss(SftObjective inner) : ITrainingObjective<SequenceBatch>
    {
        public double Weight(SequenceBatch batch) => inner.Weight(batch);

        public ObjectiveLoss Compute(SequenceBatch batch) => inner.Compute(batch) is var loss ? loss with { Sum = loss.Sum * 1e-6 } : null!;
    }

    private static readonly List<TokenizedSequence> Data =
        Enumerable.Range(0, 4).Select(i => TokenizedSequence.PromptCompletion([3 + i, 9, 17], [20 + i, 31, 40, 5 + i])).ToList();

    private static (double GradNorm, double Loss, Trainer<SequenceBatch> Trainer) FirstStep(ScalarType dtype, string output)
    {
        var model = PrecisionRun.Model(dtype);
        var data = Data;
        var options = new TrainingOptions { LearningRate = 1e-4, MaxSteps = 2, MicroBatchSize = 4, OutputDirectory = output, CheckpointEvery = 0 };
        var trainer = new Trainer<SequenceBatch>(TrainableModel.FromCausalLM(model), new TinyLoss(new SftObjective(model)),
            new MicroBatchSource<TokenizedSequence, SequenceBatch>(data, b => SequenceBatch.Collate(b, 0), 4, 1), options, progress: ProgressReporter.Silent);
        var report = trainer.TrainStep();
        return (report.GradNorm, report.Loss, trainer);
    }

    [Fact]
    public void Float16_gradients_of_a_tiny_loss_survive_under_the_loss_scale()
    {
        var output = Directory.CreateTempSubdirectory("fp16-").FullName;
        var (fullNorm, fullLoss, fullTrainer) = FirstStep(ScalarType.Float32, output);
        fullTrainer.Dispose();
        using var reference = PrecisionRun.Model(ScalarType.Float32);
        using var batch = SequenceBatch.Collate(Data, 0);
        var bound = 1e-6 * RoundingBound.TokenLogProb(reference.Config, PrecisionRun.MaxAbsLogit(reference, batch.InputIds), 1, 0, ScalarType.Float16);
        var (halfNorm, halfLoss, trainer) = FirstStep(ScalarType.Float16, output);
        using (trainer)
        {
            Assert.NotNull(trainer.LossScale);
            Assert.True(double.IsFinite(halfLoss) && Math.Abs(halfLoss - fullLoss) <= bound, $"loss {halfLoss} vs {fullLoss}, bound {bound:G3}");
            Assert.True(halfNorm > 0.5 * fullNorm, $"float16 gradient norm {halfNorm:G3} against float32 {fullNorm:G3}: flushed to zero");
            Assert.All(trainer.Optimizer.Gradients, g => Assert.Equal(ScalarType.Float32, g.dtype));
            var saved = trainer.SaveCheckpoint();
            var state = PrefSharp.Torch.Training.Checkpointing.TrainerState.Load(Path.Combine(saved, PrefSharp.Torch.Training.Checkpointing.TrainerState.FileName));
            Assert.Equal(trainer.LossScale!.Scale, state.LossScale);
        }
    }
}
