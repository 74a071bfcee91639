using PrefSharp.Torch.Losses.Reward;

namespace PrefSharp.Torch.Training.Reward;

/// <summary>Options of reward-model training's loss; defaults from the papers cited on each loss.</summary>
public sealed record RewardObjectiveOptions
{
    /// <summary>The pairwise loss. Default Bradley–Terry.</summary>
    public RewardLossKind Loss { get; init; } = RewardLossKind.BradleyTerry;

    /// <summary>η of the centring term η(r_c + r_r)² (TRL's <c>center_rewards_coefficient</c>); 0 disables it (TRL's default).</summary>
    public double CenterRewardsCoefficient { get; init; }

    /// <summary>ε for <see cref="RewardLossKind.LabelSmoothing"/>; default 0.1.</summary>
    public double LabelSmoothing { get; init; } = 0.1;

    /// <summary>Flip rate ε for <see cref="RewardLossKind.Debiased"/> and <see cref="RewardLossKind.FlipAware"/>, in [0, 0.5); default 0.1.</summary>
    public double FlipRate { get; init; } = 0.1;

    /// <summary>Starting Rao–Kupper threshold η &gt; 0 for <see cref="RewardLossKind.RaoKupper"/>; default log 1.5 (θ = 1.5).</summary>
    public double TieThreshold { get; init; } = RaoKupperRewardLoss.DefaultThreshold;

    /// <summary>Whether η is fitted with the model (true, maximum likelihood) or held at <see cref="TieThreshold"/>.</summary>
    public bool LearnTieThreshold { get; init; } = true;

    /// <summary>Checks ranges; the exception names the option.</summary>
    public RewardObjectiveOptions Validate()
    {
        if (!(CenterRewardsCoefficient >= 0)) throw new ArgumentException($"CenterRewardsCoefficient must be ≥ 0, found {CenterRewardsCoefficient}", nameof(CenterRewardsCoefficient));
        if (!(LabelSmoothing >= 0 && LabelSmoothing <= 0.5)) throw new ArgumentException($"LabelSmoothing must be in [0, 0.5], found {LabelSmoothing}", nameof(LabelSmoothing));
        if (!(FlipRate >= 0 && FlipRate < 0.5)) throw new ArgumentException($"FlipRate must be in [0, 0.5), found {FlipRate}", nameof(FlipRate));
        if (!(TieThreshold > 0) || double.IsInfinity(TieThreshold)) throw new ArgumentException($"TieThreshold must be finite and > 0, found {TieThreshold}", nameof(TieThreshold));
        return this;
    }

    /// <summary>The coefficient's recommended value, for callers that enable centring.</summary>
    public const double RecommendedCenterRewardsCoefficient = CenterRewardsLoss.DefaultCoefficient;
}
