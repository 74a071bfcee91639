using PrefSharp.Torch.Batches;
using TorchSharp;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Rewards.MultiObjective;

/// <summary>
/// A multi-objective reward model: ArmoRM's stage 1 (a <see cref="RewardModel"/> with num_labels = k, one output per
/// named objective, read at the last real token) and, after stage 2, its gate and verbosity adjustment (Wang et al.
/// 2024, "Interpretable Preferences via Multi-Objective Reward Modeling and Mixture-of-Experts", §3). Scores: the
/// gated reward R = g(x)ᵀ r' (ArmoRM) or a direction's projection vᵀ r (DPA, <see cref="PreferenceDirection"/>).
/// Owns and disposes everything it holds.
/// </summary>
public sealed class MultiObjectiveRewardModel : IDisposable
{
    private readonly nn.Module<Tensor, Tensor> head;

    /// <summary>Wraps a stage-1 model whose num_labels equals the number of objectives.</summary>
    public MultiObjectiveRewardModel(RewardModel model, MultiObjectiveConfig config, ObjectiveGating? gating = null)
    {
        Model = model;
        Config = config.Validate(model.Config.NumLabels);
        head = model.named_children().First(c => c.name == "score").module as nn.Module<Tensor, Tensor>
            ?? throw new InvalidOperationException("the reward model has no score head");
        Gating = gating;
        if (gating is not null && config.Gating is null) throw new ArgumentException("a gate needs MultiObjectiveConfig.Gating", nameof(config));
        Transform = TransformFor(config);
    }

    /// <summary>The stage-1 model.</summary>
    public RewardModel Model { get; }

    /// <summary>Objective names and stage-2 settings.</summary>
    public MultiObjectiveConfig Config { get; private set; }

    /// <summary>The stage-2 gate; null before stage 2.</summary>
    public ObjectiveGating? Gating { get; private set; }

    /// <summary>M of the verbosity adjustment (k, k); null when none.</summary>
    public Tensor? Transform { get; private set; }

    /// <summary>Number of objectives k.</summary>
    public int Objectives => Config.Objectives.Count;

    /// <summary>Objective rewards (B, k) at the last real token and the prompt's hidden state (B, d).</summary>
    public (Tensor Objectives, Tensor PromptHidden) Forward(SequenceBatch batch)
    {
        using var scope = NewDisposeScope();
        var hidden = Model.Backbone.forward_hidden(batch.InputIds, batch.AttentionMask);                    // (B, T, d)
        var objectives = head.forward(LastTokenPooling.Pool(hidden, batch.AttentionMask));                  // (B, k)
        var prompt = PromptPooling.Pool(hidden, batch.LossMask, batch.AttentionMask);                        // (B, d)
        return (objectives.MoveToOuterDisposeScope(), prompt.MoveToOuterDisposeScope());
    }

    /// <summary>r' = r M (the verbosity adjustment), or r unchanged when there is none.</summary>
    public Tensor Adjust(Tensor objectives)
    {
        using var scope = NewDisposeScope();
        return (Transform is null ? objectives.alias() : VerbosityDecorrelation.Apply(objectives, Transform)).MoveToOuterDisposeScope();
    }

    /// <summary>The gated reward R = g(x)ᵀ r' (B) from raw objectives (B, k) and prompt states (B, d).</summary>
    public Tensor Gated(Tensor objectives, Tensor promptHidden)
    {
        var gate = Gating ?? throw new InvalidOperationException("this multi-objective model has no gating network (train stage 2, or score with a direction)");
        using var scope = NewDisposeScope();
        return ObjectiveGating.Combine(Adjust(objectives), gate.forward(promptHidden)).MoveToOuterDisposeScope();
    }

    /// <summary>Installs a trained gate and its settings (stage 2).</summary>
    public void SetGating(ObjectiveGating gating, MultiObjectiveConfig config)
    {
        var validated = config.Validate(Model.Config.NumLabels);
        if (validated.Gating is null) throw new ArgumentException("MultiObjectiveConfig.Gating must describe the gate", nameof(config));
        Gating?.Dispose();
        Transform?.Dispose();
        Gating = gating;
        Config = validated;
        Transform = TransformFor(validated);
    }

    /// <summary>Evaluation mode for the backbone and the gate.</summary>
    public void Eval()
    {
        Model.eval();
        Gating?.eval();
    }

    private static Tensor? TransformFor(MultiObjectiveConfig config)
    {
        if (config.VerbosityObjective is not { } verbosity) return null;
        using var scope = NewDisposeScope();
        var penalties = tensor(config.VerbosityPenalties!.ToArray(), ScalarType.Float64);
        return VerbosityDecorrelation.TransformMatrix(penalties, config.IndexOf(verbosity, "verbosity objective")).DetachFromDisposeScope();
    }

    public void Dispose()
    {
        Model.Dispose();
        Gating?.Dispose();
        Transform?.Dispose();
    }
}
