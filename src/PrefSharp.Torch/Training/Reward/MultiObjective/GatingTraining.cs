using PrefSharp.Torch.Losses.Reward;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Rewards.MultiObjective;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.Loop;
using PrefSharp.Torch.Training.Options;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Reward.MultiObjective;

/// <summary>
/// ArmoRM stage 2 (Wang et al. 2024, §3.2): with the stage-1 model frozen, (1) compute prompt states and objective
/// rewards of every pair once (<see cref="GatingFeatures"/>); (2) when a verbosity objective is named, fit λ on the
/// objective rewards of all responses (the reference distribution is the training pairs, the reference code's
/// default) and adjust r' = r M (<see cref="VerbosityDecorrelation"/>); (3) train the gate and β on the shared loop with
/// the project's AdamW and cosine decay on <see cref="GatedRewardLoss"/> over batches drawn with replacement. The gate's input is standardised with the
/// training prompts' statistics (<see cref="ObjectiveGating.SetInputNormalization"/>). The trained gate is installed.
/// The reference code trains its gate on the unadjusted rewards and applies M only when scoring; PrefSharp trains on
/// r' as the paper's equations write it, so training and scoring see the same reward. A non-finite loss or gradient
/// norm stops training (<see cref="Guards.NonFiniteGuard"/>) before the gate is stepped or saved.
/// </summary>
public static class GatingTraining
{
    /// <summary>Trains a gate for <paramref name="model"/> on <paramref name="pairs"/> and installs it.</summary>
    public static GatingResult Train(MultiObjectiveRewardModel model, IReadOnlyList<GatingExample> pairs, GatingOptions options)
    {
        options = options.Validate();
        using var features = GatingFeatures.Compute(model, pairs);
        var config = model.Config with
        {
            VerbosityObjective = options.VerbosityObjective, VerbosityPenalties = null,
            Gating = new GatingShape(options.HiddenSize, options.HiddenLayers, options.Temperature),
        };
        if (options.VerbosityObjective is { } verbosity)
        {
            using var scope = NewDisposeScope();
            var reference = cat([features.Chosen, features.Rejected], 0);
            var penalties = VerbosityDecorrelation.Penalties(reference, model.Config.IndexOf(verbosity, "--verbosity-objective"));
            config = config with { VerbosityPenalties = penalties.data<double>().ToArray() };
        }
        manual_seed(options.Seed);
        var gate = new ObjectiveGating(model.Model.Config.Backbone.HiddenSize, model.Objectives, options.HiddenSize, options.HiddenLayers,
            options.Temperature, options.LogitScale, options.Dropout);
        try
        {
            gate.SetInputNormalization(features.Prompt);
            model.SetGating(gate, config);
        }
        catch
        {
            gate.Dispose();
            throw;
        }
        using var chosen = model.Adjust(features.Chosen);       // features come from no_grad: nothing to detach
        using var rejected = model.Adjust(features.Rejected);
        Optimize(gate, features.Prompt, chosen, rejected, options);
        return Summarize(gate, features.Prompt, chosen, rejected, config.VerbosityPenalties);
    }

    /// <summary>
    /// The gate's fit on the shared loop (<see cref="Trainer{TBatch}"/>, no files written): the project's AdamW, a cosine
    /// decay to 0 over <see cref="GatingOptions.Steps"/>, no clipping (the norm is measured for the non-finite guard).
    /// </summary>
    private static void Optimize(ObjectiveGating gate, Tensor prompt, Tensor chosen, Tensor rejected, GatingOptions options)
    {
        var training = new TrainingOptions
        {
            LearningRate = options.LearningRate, WeightDecay = options.WeightDecay, Schedule = LearningRateSchedule.Cosine,
            MinLearningRateRatio = 0, MaxSteps = options.Steps, MicroBatchSize = options.BatchSize, MaxGradNorm = 0,
            Seed = options.Seed, LogEvery = options.Steps, CheckpointEvery = 0,
        };
        var model = new TrainableModel(gate, folder => gate.save(Path.Combine(folder, GateFileName)), folder => gate.load(Path.Combine(folder, GateFileName)));
        using var draws = new GatingDraws((int)prompt.shape[0], options.BatchSize, options.Seed);
        using var trainer = new Trainer<GatingBatch>(model, new GatingObjective(gate, prompt, chosen, rejected), draws, training,
            progress: ProgressReporter.Silent) { WritesFiles = false };
        trainer.Run();
        gate.eval();
    }

    /// <summary>The gate's weights inside a loop checkpoint folder (TorchSharp's module format).</summary>
    private const string GateFileName = "gate.dat";

    private static GatingResult Summarize(ObjectiveGating gate, Tensor prompt, Tensor chosen, Tensor rejected, IReadOnlyList<double>? penalties)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var weights = gate.forward(prompt);
        var gap = ObjectiveGating.Combine(chosen, weights) - ObjectiveGating.Combine(rejected, weights);
        var loss = GatedRewardLoss.Compute(chosen, rejected, weights).mean().to(ScalarType.Float64).item<double>();
        var accuracy = (gap.gt(0).to(ScalarType.Float64) + gap.eq(0).to(ScalarType.Float64) * 0.5).mean().item<double>();
        return new GatingResult(gate.Scale, loss, accuracy, penalties);
    }
}
