using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Losses.Reward;
using TorchSharp;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Rewards.Pluralistic;

/// <summary>
/// A personalised reward model: a <see cref="RewardModel"/> whose head gives D outputs per completion, and a
/// <see cref="PluralisticHead"/> that turns them into one user's reward. PAL (<see cref="IdealPointRewardLoss"/>):
/// r_u(x, y) = −‖f(x, y) − Σ_k w_uk p_k‖², w_u = softmax(ℓ_u). MiCRo (<see cref="MixtureRewardLoss"/>):
/// P(y_c ≻ y_r | x, u) = Σ_k π_k σ(Δ_k) with π = softmax(W h_x + ℓ_u), and the scalar reward r_u(x, y) = Σ_k π_k r_k(x, y).
/// Registered as <c>model.*</c> and <c>head.*</c> so the loop's optimiser fits both.
/// </summary>
public sealed class PluralisticRewardModel : nn.Module
{
    /// <summary>Wraps <paramref name="model"/> (num_labels = D) and <paramref name="head"/>.</summary>
    public PluralisticRewardModel(RewardModel model, PluralisticHead head) : base(nameof(PluralisticRewardModel))
    {
        if (model.Config.IsGeneralPreference) throw new ArgumentException("a pluralistic head needs plain reward outputs, not a General Preference head", nameof(model));
        (Model, Head) = (model, head);
        register_module("model", model);
        register_module("head", head);
    }

    /// <summary>The backbone and its D-output head.</summary>
    public RewardModel Model { get; }

    /// <summary>The user mixture.</summary>
    public PluralisticHead Head { get; }

    /// <summary>Head outputs of both sides and the prompt state of the chosen side (one backbone pass per side).</summary>
    public PairOutputs Outputs(PairBatch batch)
    {
        using var scope = NewDisposeScope();
        var (chosen, prompt) = Model.ForwardWithPrompt(batch.Chosen.InputIds, batch.Chosen.AttentionMask, batch.Chosen.LossMask);
        var rejected = Model.forward(batch.Rejected.InputIds, batch.Rejected.AttentionMask);
        return new PairOutputs(chosen.MoveToOuterDisposeScope(), rejected.MoveToOuterDisposeScope(), prompt.MoveToOuterDisposeScope());
    }

    /// <summary>The preference logit log P(y_c ≻ y_r | u) − log P(y_r ≻ y_c | u) (B) for user logits ℓ (B, K).</summary>
    public Tensor Logits(PairOutputs outputs, Tensor userLogits) => Head.Kind == PluralisticKind.Pal
        ? IdealPointRewardLoss.Logits(outputs.Chosen, outputs.Rejected, IdealPoints(userLogits))
        : MixtureRewardLoss.Logits(outputs.Chosen, outputs.Rejected, Routing(outputs.Prompt, userLogits));

    /// <summary>Per-pair losses −log P(y_c ≻ y_r | u) (B) for user logits ℓ (B, K).</summary>
    public Tensor Losses(PairOutputs outputs, Tensor userLogits) => Head.Kind == PluralisticKind.Pal
        ? IdealPointRewardLoss.Compute(outputs.Chosen, outputs.Rejected, IdealPoints(userLogits))
        : MixtureRewardLoss.Compute(outputs.Chosen, outputs.Rejected, Routing(outputs.Prompt, userLogits));

    /// <summary>Scalar rewards r_u(x, y) (B) of completions for user logits ℓ (B, K).</summary>
    public Tensor Rewards(SequenceBatch batch, Tensor userLogits)
    {
        using var scope = NewDisposeScope();
        var (outputs, prompt) = Model.ForwardWithPrompt(batch.InputIds, batch.AttentionMask, batch.LossMask);
        var rewards = Head.Kind == PluralisticKind.Pal
            ? IdealPointRewardLoss.Rewards(outputs, IdealPoints(userLogits))
            : (Routing(prompt, userLogits).softmax(1) * outputs).sum(1);
        return rewards.MoveToOuterDisposeScope();
    }

    private Tensor IdealPoints(Tensor userLogits) => IdealPointRewardLoss.IdealPoints(userLogits.softmax(1), Head.Mixture);

    private Tensor Routing(Tensor prompt, Tensor userLogits) => prompt.matmul(Head.Mixture.t()) + userLogits;   // (B, K)
}
