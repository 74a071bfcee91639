using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Reward;

/// <summary>
/// The Bradley–Terry reward-model loss (Bradley and Terry 1952; as a reward-model objective Stiennon et al. 2020,
/// Eq. 1, and Ouyang et al. 2022, Eq. 1):
/// ℓ = −log σ(r(x, y_c) − r(x, y_r)), computed as softplus(−Δ) so it stays finite for any gap.
/// No hyper-parameters.
/// </summary>
public static class BradleyTerryRewardLoss
{
    /// <summary>Per-pair losses (B) from chosen (B) and rejected (B) rewards.</summary>
    public static Tensor Compute(Tensor chosen, Tensor rejected)
    {
        using var scope = NewDisposeScope();
        RewardLossChecks.SameShape(chosen, rejected);
        return nn.functional.softplus(rejected - chosen).MoveToOuterDisposeScope();
    }
}
