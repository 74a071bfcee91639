using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Preference;

/// <summary>
/// SimPO (Meng et al. 2024, "SimPO: Simple Preference Optimization with a Reference-Free Reward", Eq. 6):
/// L = −log σ(β/|y_w|·log πθ(y_w|x) − β/|y_l|·log πθ(y_l|x) − γ); no reference model. The paper tunes β ∈ [2, 2.5]
/// and γ/β ∈ [0.3, 0.8] (e.g. β = 2, γ = 1 for Mistral-Base); TRL's CPOTrainer defaults are β = 0.1, γ = 0.5.
/// TRL: CPOTrainer loss_type="simpo".
/// </summary>
public static class SimPoLoss
{
    /// <summary>Per-pair losses (B) from policy log-probabilities (sums) and token counts.</summary>
    public static Tensor Compute(Tensor policyChosen, Tensor policyRejected, Tensor chosenTokens, Tensor rejectedTokens, double beta, double gamma) =>
        -StableMath.LogSigmoid(beta * (StableMath.PerToken(policyChosen, chosenTokens) - StableMath.PerToken(policyRejected, rejectedTokens)) - gamma);
}
