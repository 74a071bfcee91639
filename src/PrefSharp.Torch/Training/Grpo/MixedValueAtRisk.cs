using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Grpo;

/// <summary>
/// RiskPO's advantages (Ren et al. 2025, "RiskPO: Risk-based Policy Optimization via Verifiable Reward for LLM
/// Post-Training", Sec. 3, the Mixed Value-at-Risk objective and its quantile policy gradient, with bundling):
/// <list type="bullet">
/// <item>bundling: the B prompts of a step form B/b bundles of b consecutive prompts; the g-th completions of a bundle's
/// prompts make one "paper", whose score s is the mean of their rewards, and every completion takes its paper's advantage;</item>
/// <item>with q_α, q_β the α- and β-quantiles of the step's paper scores, the range term (the gradient weight of
/// RVaR_[α,β]) is A_R = ([s − q_α]₊ − [s − q_β]₊ + q_α − q_β) / (β − α), and the lower-tail term (that of CVaR_α) is
/// A_C = −[q_α − s]₊ / α;</item>
/// <item>MVaR's advantage is A = (ω·A_C + A_R) / (1 + ω).</item>
/// </list>
/// Papers above q_β get 0: the well-learned questions stop pulling the policy toward its modes, which is how the
/// objective counters entropy collapse. Departure: the authors track q_α and q_β across steps by stochastic approximation
/// (q ← q + 0.1·(level − P̂(s &lt; q))); here each step's empirical quantiles (linear interpolation) are used, the fixed
/// point of that tracking for a stationary score distribution, so short runs need no warm-up of the quantiles.
/// </summary>
public static class MixedValueAtRisk
{
    /// <summary>rewards (B·G, <see cref="GroupLayout"/>) → advantages (B·G), same dtype.</summary>
    public static Tensor Compute(Tensor rewards, int groupSize, MixedValueAtRiskOptions options)
    {
        using var scope = NewDisposeScope();
        var grouped = GroupLayout.Grouped(rewards, groupSize);                                    // (B, G)
        var (prompts, bundle) = (grouped.shape[0], (long)options.BundleSize);
        options.Validate((int)prompts);
        var papers = grouped.view(prompts / bundle, bundle, groupSize).mean([1]);                // (B/b, G)
        var sorted = papers.reshape(-1).sort().Values;
        var (low, high) = (Quantile(sorted, options.Lower), Quantile(sorted, options.Upper));
        var range = ((papers - low).clamp_min(0) - (papers - high).clamp_min(0) + low - high) / (options.Upper - options.Lower);
        var tail = -(low - papers).clamp_min(0) / options.Lower;
        var advantages = (options.TailWeight * tail + range) / (1 + options.TailWeight);        // (B/b, G)
        return advantages.unsqueeze(1).expand(-1, bundle, -1).reshape(-1).MoveToOuterDisposeScope();
    }

    /// <summary>The <paramref name="level"/>-quantile of ascending <paramref name="sorted"/> values, linear interpolation (torch.quantile's default).</summary>
    private static Tensor Quantile(Tensor sorted, double level)
    {
        var position = level * (sorted.shape[0] - 1);
        var below = (long)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.shape[0] - 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
    }
}
