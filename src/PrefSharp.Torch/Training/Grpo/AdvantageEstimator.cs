namespace PrefSharp.Torch.Training.Grpo;

/// <summary>Which baseline <see cref="GrpoTrainer"/> subtracts from each reward.</summary>
public enum AdvantageEstimator
{
    /// <summary>GRPO: group mean, then <see cref="AdvantageScaling"/> (Shao et al. 2024, §4.1.2).</summary>
    Group,

    /// <summary>RLOO: mean of the other G − 1 rewards, unscaled (Ahmadian et al. 2024, Eq. 6); <see cref="GrpoTrainerOptions.Scaling"/> is ignored.</summary>
    LeaveOneOut,

    /// <summary>RiskPO: the Mixed Value-at-Risk advantages of bundled questions (Ren et al. 2025; <see cref="MixedValueAtRisk"/>), with <see cref="GrpoTrainerOptions.Risk"/>; <see cref="GrpoTrainerOptions.Scaling"/> is ignored.</summary>
    MixedValueAtRisk,
}
