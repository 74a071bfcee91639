using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Rewards;

/// <summary>
/// ArmoRM's mixture-of-experts gate (Wang et al. 2024, "Interpretable Preferences via Multi-Objective Reward Modeling
/// and Mixture-of-Experts", §3.2): an MLP on the prompt's pooled hidden state (d) gives logits over the k objectives;
/// the reward is the softmax-weighted sum of the objective rewards. Names <c>gate.0.*</c>, <c>gate.2.*</c>
/// (Linear(d, h), ReLU, Linear(h, k)). PrefSharp uses one hidden layer; the paper's gate is a small ReLU MLP.
/// </summary>
public sealed class ObjectiveGating : nn.Module<Tensor, Tensor>
{
    private readonly Sequential gate;

    public ObjectiveGating(int hiddenSize, int gateHiddenSize, int objectives) : base(nameof(ObjectiveGating))
    {
        if (objectives < 1) throw new ArgumentException($"objectives must be ≥ 1, found {objectives}", nameof(objectives));
        gate = nn.Sequential(("0", nn.Linear(hiddenSize, gateHiddenSize)), ("1", nn.ReLU()), ("2", nn.Linear(gateHiddenSize, objectives)));
        RegisterComponents();
    }

    /// <summary>Gate logits (B, k) from the prompt representation (B, d).</summary>
    public override Tensor forward(Tensor promptHidden) => gate.forward(promptHidden);

    /// <summary>R = Σ_i softmax(logits)_i · r_i: objective rewards (B, k), gate logits (B, k) → (B).</summary>
    public static Tensor Combine(Tensor objectiveRewards, Tensor gateLogits)
    {
        if (objectiveRewards.dim() != 2 || !objectiveRewards.shape.SequenceEqual(gateLogits.shape))
            throw new ArgumentException("objective rewards and gate logits must both be (B, k)", nameof(gateLogits));
        using var scope = NewDisposeScope();
        return (gateLogits.softmax(1) * objectiveRewards).sum(1).MoveToOuterDisposeScope();
    }
}
