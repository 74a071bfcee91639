using static TorchSharp.torch;

namespace PrefSharp.Torch.Generation;

/// <summary>Truncations of a next-token distribution: removed tokens get logit −∞.</summary>
public static class LogitsFilters
{
    /// <summary>Top-k (Fan et al. 2018, "Hierarchical Neural Story Generation", Sec. 5.4): keeps the k largest logits of each row (ties with the k-th kept). logits (B, V).</summary>
    public static Tensor TopK(Tensor logits, int k)
    {
        if (k <= 0 || k >= logits.shape[^1]) return logits;
        var (values, _) = logits.topk(k, dim: -1);                            // (B, k), sorted
        var threshold = values.narrow(-1, k - 1, 1);                          // (B, 1)
        return logits.masked_fill(logits.lt(threshold), double.NegativeInfinity);
    }

    /// <summary>
    /// Nucleus / top-p (Holtzman et al. 2019, Eq. 2–3): keeps the smallest set V(p) of most likely tokens with
    /// Σ_{x ∈ V(p)} P(x) ≥ p. A token is kept when the mass of the tokens ranked above it is below p, so the most
    /// likely token is always kept. logits (B, V).
    /// </summary>
    public static Tensor TopP(Tensor logits, double p)
    {
        if (p >= 1.0) return logits;
        var (sorted, order) = logits.sort(dim: -1, descending: true);         // (B, V)
        var probabilities = sorted.softmax(-1);                               // (B, V)
        var massAbove = probabilities.cumsum(-1) - probabilities;             // (B, V): mass ranked strictly above
        var sortedKept = sorted.masked_fill(massAbove.ge(p), double.NegativeInfinity);
        return full_like(logits, double.NegativeInfinity).scatter(-1, order, sortedKept);  // (B, V) in vocabulary order
    }
}
