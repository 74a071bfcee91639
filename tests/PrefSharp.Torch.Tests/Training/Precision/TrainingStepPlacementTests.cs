using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.LogProbs;
using PrefSharp.Torch.Runtime;
using PrefSharp.Torch.Training.Optimization;
using TorchSharp;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Training.Precision;

/// <summary>
/// Every tensor of a training step lives on the model's device and in its type. Without a GPU the parts of a step
/// that never read values (batches moved to the device, the optimiser's masters, moments and gradients) run on
/// PyTorch's <c>meta</c> device, which tracks shapes, types and devices but holds no data, so a tensor left on the CPU
/// shows there as it would on CUDA; the forward pass reads the mask on the host and is walked on the CPU in bfloat16.
/// </summary>
public sealed class TrainingStepPlacementTests
{
    private static readonly List<TokenizedSequence> Data =
        Enumerable.Range(0, 3).Select(i => TokenizedSequence.PromptCompletion([3 + i, 9, 17], [20 + i, 31, 40 + i])).ToList();

    [Fact]
    public void On_the_meta_device_batches_masters_moments_and_gradients_follow_the_model()
    {
        var meta = new Device(DeviceType.META);
        using var model = PrecisionRun.Model(ScalarType.Float32);
        new ComputeTarget(meta, ScalarType.BFloat16).Apply(model.Module);
        var target = ComputeTarget.Of(model.Module);
        Assert.Equal((DeviceType.META, ScalarType.BFloat16), (target.Device.type, target.DType));
        using var optimizer = new AdamW(model.Module.named_parameters());
        using var collated = new PairBatch(SequenceBatch.Collate(Data, 0), SequenceBatch.Collate(Data, 0));   // on the CPU, as the data source makes it
        using var scope = NewDisposeScope();
        var pair = collated.To(meta);
        Assert.All(new[] { pair.Chosen.InputIds, pair.Chosen.AttentionMask, pair.Chosen.LossMask, pair.Rejected.InputIds },
            t => Assert.Equal(DeviceType.META, t.device_type));
        foreach (var parameter in model.Module.parameters()) parameter.grad = ones_like(parameter);   // what a backward pass leaves
        optimizer.Step(1e-3);
        foreach (var (name, parameter) in model.Module.named_parameters())
            Assert.True(parameter.device_type == DeviceType.META && parameter.dtype == ScalarType.BFloat16, $"{name}: {parameter.device} {parameter.dtype}");
        Assert.All(optimizer.Gradients, g => Assert.Equal((DeviceType.META, ScalarType.Float32), (g.device_type, g.dtype)));
        foreach (var tensor in scope.DisposablesView.OfType<Tensor>().Where(t => !t.IsInvalid))
            Assert.Equal(DeviceType.META, tensor.device_type);
    }

    [Fact]
    public void Every_tensor_a_bfloat16_step_leaves_is_on_the_model_device_in_bfloat16_or_the_float32_log_softmax()
    {
        using var model = PrecisionRun.Model(ScalarType.BFloat16);
        using var scope = NewDisposeScope();
        var batch = SequenceBatch.Collate(Data, 0);
        var (logProbs, logits) = CompletionLogProbs.Compute(model, batch);
        (-logProbs.PerSequence.sum()).backward();
        Assert.Equal(ScalarType.BFloat16, logits.dtype);
        Assert.Equal(ScalarType.Float32, logProbs.PerToken.dtype);   // SequenceLogProbs upcasts before the log-softmax
        var floating = scope.DisposablesView.OfType<Tensor>().Where(t => !t.IsInvalid && t.is_floating_point()).ToList();
        Assert.NotEmpty(floating);
        Assert.All(floating, t => Assert.Contains(t.dtype, new[] { ScalarType.BFloat16, ScalarType.Float32 }));
        Assert.All(scope.DisposablesView.OfType<Tensor>().Where(t => !t.IsInvalid), t => Assert.Equal(model.Module.parameters().First().device_type, t.device_type));
        Assert.All(model.Module.parameters(), p => Assert.Equal(ScalarType.BFloat16, p.grad!.dtype));
    }

    [Fact]
    public void A_bfloat16_step_keeps_parameters_in_bfloat16_and_saves_float32_masters_and_moments()
    {
        var output = Directory.CreateTempSubdirectory("bf16-step-").FullName;
        using var model = PrecisionRun.Model(ScalarType.BFloat16);
        using var trainer = TrainerTests.NewTrainer(model, new() { MaxSteps = 1, MicroBatchSize = 3, OutputDirectory = output }, Data);
        var report = trainer.TrainStep();
        Assert.True(double.IsFinite(report.Loss) && double.IsFinite(report.GradNorm), $"loss {report.Loss}, gradient norm {report.GradNorm}");
        Assert.All(model.Module.parameters(), p => Assert.Equal(ScalarType.BFloat16, p.dtype));
        var state = Path.Combine(output, "optimizer.safetensors");
        trainer.Optimizer.SaveState(state);
        var entries = SafeTensorsFile.Open(state).Entries;
        var parameters = model.Module.named_parameters().Count();
        Assert.Equal(3 * parameters, entries.Count);   // exp_avg, exp_avg_sq and master of every parameter
        Assert.All(entries, e => Assert.Equal(SafeTensorsDType.F32, e.DType));
    }
}
