using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Reward;

/// <summary>
/// MiCRo's mixture of Bradley–Terry heads (Shen et al. 2025, "MiCRo: Mixture Modeling and Context-aware Routing for
/// Personalized Preference Learning", §4.1, the context-aware mixture likelihood). K reward heads r_k(x, y) and
/// mixture weights π(x) on the simplex from a router over the context:
/// <code>
/// P(y_c ≻ y_r | x) = Σ_k π_k(x) · σ(r_k(x, y_c) − r_k(x, y_r))
/// ℓ = −log Σ_k exp(log π_k(x) + log σ(Δ_k))          (a log-sum-exp, finite for any gap)
/// </code>
/// The mixture is given as logits z (π = softmax(z)), so the router and any per-user routing term add up before it.
/// </summary>
public static class MixtureRewardLoss
{
    /// <summary>log P(y_c ≻ y_r) (B) from the heads' rewards of each side (B, K) and the routing logits (B, K).</summary>
    public static Tensor LogProbability(Tensor chosen, Tensor rejected, Tensor routingLogits)
    {
        using var scope = NewDisposeScope();
        if (chosen.dim() != 2 || !chosen.shape.SequenceEqual(rejected.shape) || !chosen.shape.SequenceEqual(routingLogits.shape))
            throw new ArgumentException($"chosen, rejected and routing logits must all be (B, K); found [{string.Join(", ", chosen.shape)}], " +
                $"[{string.Join(", ", rejected.shape)}] and [{string.Join(", ", routingLogits.shape)}]");
        var terms = routingLogits.log_softmax(1) + nn.functional.logsigmoid(chosen - rejected);   // (B, K)
        return terms.logsumexp(1).MoveToOuterDisposeScope();
    }

    /// <summary>The preference logit log P − log(1 − P) (B), with 1 − P = Σ_k π_k σ(−Δ_k).</summary>
    public static Tensor Logits(Tensor chosen, Tensor rejected, Tensor routingLogits)
    {
        using var scope = NewDisposeScope();
        return (LogProbability(chosen, rejected, routingLogits) - LogProbability(rejected, chosen, routingLogits)).MoveToOuterDisposeScope();
    }

    /// <summary>Per-pair losses (B): −log P(y_c ≻ y_r).</summary>
    public static Tensor Compute(Tensor chosen, Tensor rejected, Tensor routingLogits)
    {
        using var scope = NewDisposeScope();
        return LogProbability(chosen, rejected, routingLogits).neg().MoveToOuterDisposeScope();
    }
}
