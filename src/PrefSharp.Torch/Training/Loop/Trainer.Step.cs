using PrefSharp.Torch.Training.Guards;
using PrefSharp.Torch.Training.Optimization;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Loop;

public sealed partial class Trainer<TBatch>
{
    /// <summary>
    /// One optimiser step over <see cref="Options.TrainingOptions.GradientAccumulation"/> micro-batches. Each micro-batch
    /// contributes ∂(Sum_i / W)/∂θ with W = Σ_i Weight_i, so the accumulated gradient is that of the mean over all
    /// units of the step, whatever the split into micro-batches. A non-finite loss or gradient norm stops the run
    /// before the optimiser moves (<see cref="NonFiniteGuard.CheckStep"/>).
    /// </summary>
    private StepReport TrainStep()
    {
        using var stepScope = NewDisposeScope();
        var batches = new List<TBatch>(Options.GradientAccumulation);
        for (var i = 0; i < Options.GradientAccumulation; i++) batches.Add(train.Next());
        var weights = batches.Select(objective.Weight).ToArray();
        var totalWeight = weights.Sum();
        if (!(totalWeight > 0))
            throw new InvalidOperationException($"step {Step + 1}: its micro-batches have total weight {totalWeight} (no scored units); check the data");

        Optimizer.ZeroGrad();
        double lossSum = 0;
        long tokens = 0;
        for (var i = 0; i < batches.Count; i++)
        {
            using var scope = NewDisposeScope();
            var loss = objective.Compute(batches[i]);
            (loss.Sum / totalWeight).backward();
            lossSum += loss.Sum.detach().to(ScalarType.Float64).item<double>();
            window.AddMetrics(loss.MetricSums);
            tokens += countTokens?.Invoke(batches[i]) ?? 0;
            batches[i].Dispose();
        }

        var gradNorm = GradientClipping.ClipGlobalNorm(Optimizer.Parameters, Options.MaxGradNorm);
        NonFiniteGuard.CheckStep(Step + 1, lossSum / totalWeight, gradNorm, Options.OutputDirectory);
        var learningRate = LearningRates.At(Options, Step + 1, TotalSteps);
        Optimizer.Step(learningRate);
        Step++;
        return new StepReport(Step, lossSum / totalWeight, totalWeight, gradNorm, learningRate, tokens);
    }
}
