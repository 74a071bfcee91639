using static TorchSharp.torch;

namespace PrefSharp.Torch.Rewards.Shaping;

/// <summary>
/// Conservative rewards from an ensemble of K reward models (Coste et al. 2024, "Reward Model Ensembles Help Mitigate
/// Overoptimization", §3): worst-case optimisation WCO = min_k r_k, and uncertainty-weighted optimisation
/// UWO = mean_k r_k − λ·Var_k r_k (population variance over the ensemble). The paper tunes λ per method and setting.
/// </summary>
public static class ConservativeEnsemble
{
    /// <summary>WCO: (N, K) → (N), the lowest member's reward.</summary>
    public static Tensor WorstCase(Tensor rewards)
    {
        Check(rewards);
        return rewards.amin([1]);
    }

    /// <summary>UWO: (N, K) → (N), mean − λ·variance over members.</summary>
    public static Tensor UncertaintyWeighted(Tensor rewards, double lambda)
    {
        Check(rewards);
        if (!(lambda >= 0) || double.IsInfinity(lambda)) throw new ArgumentException($"lambda must be finite and ≥ 0, found {lambda}", nameof(lambda));
        using var scope = NewDisposeScope();
        var mean = rewards.mean([1], keepdim: true);
        var variance = (rewards - mean).square().mean([1]);
        return (mean.squeeze(1) - lambda * variance).MoveToOuterDisposeScope();
    }

    private static void Check(Tensor rewards)
    {
        if (rewards.dim() != 2 || rewards.shape[1] < 1)
            throw new ArgumentException($"rewards must be (N, K) with one column per ensemble member, found [{string.Join(", ", rewards.shape)}]", nameof(rewards));
    }
}
