using PrefSharp.Torch.Rewards;

namespace PrefSharp.Recipes.RewardModels;

/// <summary>
/// How the members of a reward-model ensemble are combined (Coste et al. 2024, "Reward Model Ensembles Help Mitigate
/// Overoptimization", §3, <see cref="EnsembleAggregation"/>): the mean, worst-case (WCO, min_k) or uncertainty-weighted
/// (UWO, mean − λ·variance) of the members' normalised rewards.
/// </summary>
public sealed record RewardEnsembleChoice(EnsembleAggregationKind Kind = EnsembleAggregationKind.Mean,
    double UncertaintyPenalty = EnsembleAggregation.DefaultUncertaintyPenalty)
{
    /// <summary>"mean", "wco" or "uwo" with λ → the choice.</summary>
    public static RewardEnsembleChoice Parse(string name, double uncertaintyPenalty) => new(name switch
    {
        "mean" => EnsembleAggregationKind.Mean, "wco" => EnsembleAggregationKind.WorstCase, "uwo" => EnsembleAggregationKind.UncertaintyWeighted,
        _ => throw new ArgumentException($"--ensemble-aggregation must be mean, wco or uwo, found \"{name}\"", "--ensemble-aggregation"),
    }, uncertaintyPenalty >= 0 && double.IsFinite(uncertaintyPenalty) ? uncertaintyPenalty
        : throw new ArgumentException($"--uwo-lambda must be finite and ≥ 0, found {uncertaintyPenalty}", "--uwo-lambda"));

    /// <summary>Short name for logs: mean, wco or uwo-λ.</summary>
    public string Name => Kind switch { EnsembleAggregationKind.WorstCase => "wco", EnsembleAggregationKind.UncertaintyWeighted => $"uwo-{UncertaintyPenalty}", _ => "mean" };
}
