using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Reward;

/// <summary>
/// The auxiliary term that keeps rewards centred on zero (Eisenstein et al. 2023, "Helping or Herding? Reward Model
/// Ensembles Mitigate but do not Eliminate Reward Hacking", §3; TRL's <c>center_rewards_coefficient</c>):
/// ℓ = η·(r(x, y_c) + r(x, y_r))², added to the Bradley–Terry loss. Bradley–Terry only fixes differences, so
/// without it the mean reward drifts. Default η = 0.01 (the value Eisenstein et al. and TRL's docs recommend).
/// </summary>
public static class CenterRewardsLoss
{
    /// <summary>The recommended coefficient η.</summary>
    public const double DefaultCoefficient = 0.01;

    /// <summary>Per-pair penalties (B).</summary>
    public static Tensor Compute(Tensor chosen, Tensor rejected, double coefficient = DefaultCoefficient)
    {
        using var scope = NewDisposeScope();
        RewardLossChecks.SameShape(chosen, rejected);
        RewardLossChecks.InRange(coefficient, 0, double.MaxValue, nameof(coefficient));
        return (chosen + rejected).square().mul(coefficient).MoveToOuterDisposeScope();
    }
}
