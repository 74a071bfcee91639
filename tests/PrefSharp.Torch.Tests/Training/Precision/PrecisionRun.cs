using PrefSharp.Torch.Models;
using PrefSharp.Torch.Runtime;
using PrefSharp.Torch.Tests.Models;
using PrefSharp.Torch.Training;
using PrefSharp.Torch.Training.Data;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.Loop;
using PrefSharp.Torch.Training.Options;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Training.Precision;

/// <summary>The same few optimiser steps of one objective, on the same tiny Llama, in a chosen compute type.</summary>
internal static class PrecisionRun
{
    public const int Steps = 3;
    public const double LearningRate = 1e-4;

    /// <summary>A fresh tiny Llama (seed 7) converted to <paramref name="dtype"/>.</summary>
    public static ICausalLM Model(ScalarType dtype)
    {
        var model = TinyConfigs.Create("llama");
        new ComputeTarget(CPU, dtype).Apply(model.Module);
        return model;
    }

    /// <summary>The per-step losses of <see cref="Steps"/> steps over <paramref name="examples"/> (one micro-batch of all of them per step).</summary>
    public static double[] Losses<TExample, TBatch>(ICausalLM model, ITrainingObjective<TBatch> objective, IReadOnlyList<TExample> examples,
        Func<IReadOnlyList<TExample>, TBatch> collate) where TBatch : IDisposable
    {
        var options = new TrainingOptions
        {
            LearningRate = LearningRate, Schedule = LearningRateSchedule.Constant, WeightDecay = 0, MaxSteps = Steps,
            MicroBatchSize = examples.Count, OutputDirectory = Path.GetTempPath(),
        };
        using var trainer = new Trainer<TBatch>(TrainableModel.FromCausalLM(model), objective,
            new MicroBatchSource<TExample, TBatch>(examples, collate, examples.Count, seed: 1, shuffle: false), options,
            progress: ProgressReporter.Silent);
        return Enumerable.Range(0, Steps).Select(_ => trainer.TrainStep().Loss).ToArray();
    }

    /// <summary>max |z| of the float32 model's logits on <paramref name="ids"/>.</summary>
    public static double MaxAbsLogit(ICausalLM model, Tensor ids)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return model.forward(ids).Logits.abs().max().to(ScalarType.Float64).item<double>();
    }

    /// <summary>Asserts every step's losses are finite and within <paramref name="bound"/>(step) of each other.</summary>
    public static void AssertClose(double[] full, double[] reduced, Func<int, double> bound)
    {
        for (var step = 1; step <= Steps; step++)
        {
            Assert.True(double.IsFinite(reduced[step - 1]), $"step {step}: bfloat16 loss {reduced[step - 1]}");
            var gap = Math.Abs(full[step - 1] - reduced[step - 1]);
            Assert.True(gap <= bound(step), $"step {step}: float32 {full[step - 1]:R}, bfloat16 {reduced[step - 1]:R}, gap {gap:G3} > bound {bound(step):G3}");
        }
    }
}
