using static TorchSharp.torch;

namespace PrefSharp.Torch.Rewards;

/// <summary>
/// Conservative aggregation of an ensemble's rewards (Coste et al. 2023, "Reward Model Ensembles Help Mitigate
/// Overoptimization", §3, Eq. 2–3): mean R̄ = (1/K) Σ_k R_k; WCO R = min_k R_k; UWO R = R̄ − λ·(1/K) Σ_k (R_k − R̄)²
/// (population variance across members). The paper tunes λ per setting; PrefSharp's default λ = 0.1 is a starting
/// point, not the paper's number. Members' rewards should be on a common scale (normalise each first).
/// </summary>
public static class EnsembleAggregation
{
    /// <summary>PrefSharp's default UWO coefficient λ.</summary>
    public const double DefaultUncertaintyPenalty = 0.1;

    /// <summary>Aggregates member rewards (K, B) → (B).</summary>
    public static Tensor Aggregate(Tensor memberRewards, EnsembleAggregationKind kind, double uncertaintyPenalty = DefaultUncertaintyPenalty)
    {
        if (memberRewards.dim() != 2) throw new ArgumentException($"member rewards must be (K, B), found [{string.Join(", ", memberRewards.shape)}]", nameof(memberRewards));
        if (!(uncertaintyPenalty >= 0) || double.IsInfinity(uncertaintyPenalty))
            throw new ArgumentException($"uncertaintyPenalty (λ) must be finite and ≥ 0, found {uncertaintyPenalty}", nameof(uncertaintyPenalty));
        using var scope = NewDisposeScope();
        var result = kind switch
        {
            EnsembleAggregationKind.Mean => memberRewards.mean([0]),
            EnsembleAggregationKind.WorstCase => memberRewards.amin([0]),
            EnsembleAggregationKind.UncertaintyWeighted =>
                memberRewards.mean([0]) - memberRewards.var(0, unbiased: false) * uncertaintyPenalty,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown aggregation"),
        };
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>Aggregates plain scores, one array of B per member (all on a common scale) → B, in float64.</summary>
    public static double[] Aggregate(IReadOnlyList<double[]> memberScores, EnsembleAggregationKind kind, double uncertaintyPenalty = DefaultUncertaintyPenalty)
    {
        if (memberScores.Count == 0) throw new ArgumentException("an ensemble needs at least one member's scores", nameof(memberScores));
        using var scope = NewDisposeScope();
        var flat = memberScores.SelectMany(scores => scores).ToArray();
        return Aggregate(tensor(flat, float64).reshape(memberScores.Count, memberScores[0].Length), kind, uncertaintyPenalty).data<double>().ToArray();
    }
}
