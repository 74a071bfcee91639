namespace PrefSharp.Torch.Training.Grpo;

/// <summary>Where the importance ratio π_θ / π_old is formed (TRL's <c>importance_sampling_level</c>).</summary>
public enum ImportanceSamplingLevel
{
    /// <summary>Per token: r_{i,t} = π_θ(y_t | …) / π_old(y_t | …) (PPO, GRPO, DAPO).</summary>
    Token,

    /// <summary>
    /// Per sequence, length-normalised (GSPO, Zheng et al. 2025, "Group Sequence Policy Optimization", Eq. 7):
    /// s_i = exp((1/|y_i|) Σ_t log r_{i,t}), shared by every token of sequence i.
    /// </summary>
    Sequence,
}
