using PrefSharp.Torch.Losses.Reward;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Rewards.MultiObjective;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Reward.MultiObjective;

/// <summary>
/// ArmoRM stage 2 (Wang et al. 2024, §3.2): with the stage-1 model frozen, (1) compute prompt states and objective
/// rewards of every pair once (<see cref="GatingFeatures"/>); (2) when a verbosity objective is named, fit λ on the
/// objective rewards of all responses (the reference distribution is the training pairs, the reference code's
/// default) and adjust r' = r M (<see cref="VerbosityDecorrelation"/>); (3) train the gate and β with AdamW and cosine
/// decay on <see cref="GatedRewardLoss"/> over batches drawn with replacement. The gate's input is standardised with the
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

    private static void Optimize(ObjectiveGating gate, Tensor prompt, Tensor chosen, Tensor rejected, GatingOptions options)
    {
        gate.train();
        using var optimizer = optim.AdamW(gate.parameters(), options.LearningRate, weight_decay: options.WeightDecay);
        var schedule = optim.lr_scheduler.CosineAnnealingLR(optimizer, options.Steps);
        using var generator = new Generator((ulong)options.Seed);
        for (var step = 0; step < options.Steps; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var index = randint(0, prompt.shape[0], [options.BatchSize], generator: generator, dtype: ScalarType.Int64);
            var weights = gate.forward(prompt.index_select(0, index));
            var loss = GatedRewardLoss.Compute(chosen.index_select(0, index), rejected.index_select(0, index), weights).mean();
            loss.backward();
            var gradNorm = Optimization.GradientClipping.ClipGlobalNorm(gate.parameters(), maxNorm: 0);
            Guards.NonFiniteGuard.CheckStep(step + 1, loss.to(ScalarType.Float64).item<double>(), gradNorm, outputDirectory: null);
            optimizer.step();
            schedule.step();
        }
        gate.eval();
    }

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
