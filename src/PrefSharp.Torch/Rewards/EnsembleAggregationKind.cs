namespace PrefSharp.Torch.Rewards;

/// <summary>How an ensemble of K reward models turns K rewards into one (Coste et al. 2023, §3).</summary>
public enum EnsembleAggregationKind
{
    /// <summary>Mean over members.</summary>
    Mean,

    /// <summary>Worst-case optimisation (WCO): the minimum over members.</summary>
    WorstCase,

    /// <summary>Uncertainty-weighted optimisation (UWO): mean − λ·variance over members.</summary>
    UncertaintyWeighted,
}
