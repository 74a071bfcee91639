using PrefSharp.Torch.Training.Guards;
using PrefSharp.Torch.Training.Optimization;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Loop;

public sealed partial class Trainer<TBatch>
{
    /// <summary>
    /// One step: take <see cref="Options.TrainingOptions.GradientAccumulation"/> micro-batches, then
    /// <see cref="UpdatesPerStep"/> optimiser updates over them; update u uses mini-batch u mod <see cref="MiniBatches"/>
    /// (the micro-batches split into that many consecutive groups). Each micro-batch contributes ∂(Sum_i / W)/∂θ with
    /// W = Σ_i Weight_i over its mini-batch, so the accumulated gradient is that of the mean over all units of the
    /// mini-batch, whatever the split into micro-batches. A non-finite loss or gradient norm stops the run before the optimiser moves
    /// (<see cref="NonFiniteGuard.CheckStep"/>); a float16 model trains under <see cref="LossScale"/>, where an overflowing
    /// gradient skips the update instead. Gradients of reduced-precision parameters are summed in float32 after every
    /// backward pass (<see cref="AdamW.AccumulateGradients"/>). Writes no files; <see cref="Run"/> logs and checkpoints around it.
    /// </summary>
    /// <returns>The step's report: loss and gradient norm averaged over its updates, the last update's learning rate.</returns>
    public StepReport TrainStep()
    {
        using var stepScope = NewDisposeScope();
        var batches = new List<TBatch>(Options.GradientAccumulation);
        for (var i = 0; i < Options.GradientAccumulation; i++) batches.Add(OnModelDevice(train.Next()));
        var weights = batches.Select(objective.Weight).ToArray();
        var totalWeight = weights.Sum();
        if (!(totalWeight > 0))
            throw new InvalidOperationException($"step {Step + 1}: its micro-batches have total weight {totalWeight} (no scored units); check the data");

        if (MiniBatches > batches.Count)
            throw new InvalidOperationException($"{MiniBatches} mini-batches need at least as many micro-batches per step, found {batches.Count}");

        double lossSum = 0, gradNormSum = 0, learningRate = 0;
        long tokens = 0;
        var applied = 0;
        for (var update = 0; update < UpdatesPerStep; update++)
        {
            Optimizer.ZeroGrad();
            double updateLoss = 0;
            var group = update % MiniBatches;
            var members = Enumerable.Range(0, batches.Count).Where(i => i * MiniBatches / batches.Count == group).ToArray();
            var groupWeight = members.Sum(i => weights[i]);
            if (!(groupWeight > 0)) continue;
            var scale = LossScale?.Scale ?? 1.0;
            foreach (var batch in members.Select(i => batches[i]))
            {
                using var scope = NewDisposeScope();
                var loss = objective.Compute(batch);
                (loss.Sum * (scale / groupWeight)).backward();
                Optimizer.AccumulateGradients();
                updateLoss += loss.Sum.detach().to(ScalarType.Float64).item<double>();
                window.AddMetrics(loss.MetricSums);
                tokens += countTokens?.Invoke(batch) ?? 0;
            }
            if (LossScale is not null) Optimizer.ScaleGradients(1.0 / scale);
            var gradNorm = GradientClipping.ClipGradients(Optimizer.Gradients, Options.MaxGradNorm);
            learningRate = LearningRates.At(Options, Step * UpdatesPerStep + update + 1, TotalSteps * UpdatesPerStep);
            lossSum += updateLoss / groupWeight;
            if (LossScale is not null && double.IsFinite(updateLoss) && !LossScale.Update(gradNorm)) continue;
            NonFiniteGuard.CheckStep(Step + 1, updateLoss / groupWeight, gradNorm, Options.OutputDirectory);
            Optimizer.Step(learningRate);
            gradNormSum += gradNorm;
            applied++;
        }
        foreach (var batch in batches) batch.Dispose();
        Step++;
        return new StepReport(Step, lossSum / UpdatesPerStep, totalWeight, applied > 0 ? gradNormSum / applied : double.NaN, learningRate, tokens);
    }

    /// <summary>A CPU-collated batch copied to the model's device (the CPU one is disposed); unchanged on the CPU or when it cannot move.</summary>
    private TBatch OnModelDevice(TBatch batch)
    {
        if (device.type == TorchSharp.DeviceType.CPU || batch is not Batches.IDeviceBatch<TBatch> movable) return batch;
        var moved = movable.To(device);
        batch.Dispose();
        return moved;
    }
}
