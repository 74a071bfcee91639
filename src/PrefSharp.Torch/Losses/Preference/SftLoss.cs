using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Preference;

/// <summary>
/// NLL of the chosen response per token, L = −log πθ(y_w|x)/|y_w|: the generation term of RPO (Liu et al. 2024, Algorithm 2; also Pang et al. 2024,
/// DPO + α·NLL, α = 1) and of MPO. TRL: loss_type="sft". Departure: TRL averages the NLL over all chosen tokens of
/// the batch; here each pair carries its own per-token mean so that losses stay sums over pairs.
/// </summary>
public static class SftLoss
{
    /// <summary>Per-pair losses (B).</summary>
    public static Tensor Compute(Tensor policyChosen, Tensor chosenTokens) => -StableMath.PerToken(policyChosen, chosenTokens);
}
