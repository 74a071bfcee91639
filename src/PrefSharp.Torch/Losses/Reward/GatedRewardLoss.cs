using PrefSharp.Torch.Rewards;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Reward;

/// <summary>
/// Stage 2 of ArmoRM (Wang et al. 2024, "Interpretable Preferences via Multi-Objective Reward Modeling and
/// Mixture-of-Experts", §3.2): the prompt-conditioned gate g(x) = softmax(gating logits) mixes the k objective rewards
/// into R = Σ_i g_i(x) r_i (<see cref="ObjectiveGating.Combine"/>), trained with the Bradley–Terry loss on a scaled gap,
/// ℓ = −log σ(β·(R_c − R_r)). The gate sees the prompt only, so chosen and rejected share g(x). The paper learns β;
/// PrefSharp takes it as an argument (default 1) so a trainer may make it a parameter.
/// </summary>
public static class GatedRewardLoss
{
    /// <summary>Per-pair losses (B) from objective rewards (B, k) of both responses and the gate logits (B, k).</summary>
    public static Tensor Compute(Tensor chosenObjectives, Tensor rejectedObjectives, Tensor gateLogits, double beta = 1.0)
    {
        if (!(beta > 0)) throw new ArgumentException($"beta must be > 0, found {beta}", nameof(beta));
        using var scope = NewDisposeScope();
        var chosen = ObjectiveGating.Combine(chosenObjectives, gateLogits);
        var rejected = ObjectiveGating.Combine(rejectedObjectives, gateLogits);
        return nn.functional.softplus((rejected - chosen).mul(beta)).MoveToOuterDisposeScope();
    }
}
