using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Preference;

/// <summary>
/// CPO (Xu et al. 2024, "Contrastive Preference Optimization", L_CPO = L_prefer + L_NLL): DPO with a uniform
/// reference (which cancels) plus the chosen NLL, L = −log σ(β·(log πθ(y_w) − log πθ(y_l))) − α·log πθ(y_w)/|y_w|.
/// β = 0.1, α = 1 (paper and TRL's CPOConfig; TRL averages the NLL per token, as here).
/// </summary>
public static class CpoLoss
{
    /// <summary>Per-pair losses (B).</summary>
    public static Tensor Compute(Tensor policyChosen, Tensor policyRejected, Tensor chosenTokens, double beta, double alpha) =>
        -StableMath.LogSigmoid(beta * (policyChosen - policyRejected)) - alpha * StableMath.PerToken(policyChosen, chosenTokens);
}
