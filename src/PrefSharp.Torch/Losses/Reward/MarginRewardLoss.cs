using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Reward;

/// <summary>
/// Bradley–Terry with a margin (Llama 2, Touvron et al. 2023, Eq. 2):
/// ℓ = −log σ(r(x, y_c) − r(x, y_r) − m(r)), where m(r) is a discrete function of the annotators' preference rating.
/// Llama 2's Table 28 margins ("significantly better" … "negligibly better"): small 1, 2/3, 1/3, 0; large 3, 2, 1, 0.
/// TRL reads the per-pair margin from a <c>margin</c> column the same way.
/// </summary>
public static class MarginRewardLoss
{
    /// <summary>Per-pair losses (B); <paramref name="margin"/> is (B) or a scalar tensor.</summary>
    public static Tensor Compute(Tensor chosen, Tensor rejected, Tensor margin)
    {
        using var scope = NewDisposeScope();
        RewardLossChecks.SameShape(chosen, rejected);
        return nn.functional.softplus(rejected - chosen + margin).MoveToOuterDisposeScope();
    }
}
