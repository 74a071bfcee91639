using PrefSharp.Torch.Rewards;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Reward;

/// <summary>
/// Stage 2 of ArmoRM (Wang et al. 2024, "Interpretable Preferences via Multi-Objective Reward Modeling and
/// Mixture-of-Experts", §3.2): with the prompt-conditioned gating weights g(x) = β·softmax(z/τ)
/// (<see cref="ObjectiveGating"/>) and the verbosity-adjusted objective rewards r' of both responses, the scores are
/// R = g(x)ᵀ r' and the loss is Bradley–Terry, ℓ = −log σ(R_c − R_r) (β sits inside g, so it scales the gap). The
/// gate sees the prompt only, so chosen and rejected share g(x). No hyper-parameters of its own.
/// </summary>
public static class GatedRewardLoss
{
    /// <summary>Per-pair losses (B) from adjusted objective rewards (B, k) of both responses and the gating weights (B, k).</summary>
    public static Tensor Compute(Tensor chosenObjectives, Tensor rejectedObjectives, Tensor gatingWeights)
    {
        using var scope = NewDisposeScope();
        var chosen = ObjectiveGating.Combine(chosenObjectives, gatingWeights);
        var rejected = ObjectiveGating.Combine(rejectedObjectives, gatingWeights);
        return nn.functional.softplus(rejected - chosen).MoveToOuterDisposeScope();
    }
}
