using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Preference;

/// <summary>
/// MaPO (Hong et al. 2024, "Margin-aware Preference Optimization for Aligning Diffusion Models without Reference";
/// equation number not checked against the paper),
/// transcribed to language models: the likelihood of the chosen response plus a margin term on the log-odds of a
/// bounded likelihood, L = −ℓ_w − β·log σ(β·(log odds(y_w) − log odds(y_l))), ℓ = per-token mean log-likelihood (the
/// diffusion paper's −MSE plays that role), odds as in <see cref="OrpoLoss"/>. β = 0.1 (the MaPO release).
/// Reference-free. Departs from ORPO by the β inside the sigmoid, as in the MaPO code.
/// </summary>
public static class MaPoLoss
{
    /// <summary>Per-pair losses (B).</summary>
    public static Tensor Compute(Tensor policyChosen, Tensor policyRejected, Tensor chosenTokens, Tensor rejectedTokens, double beta)
    {
        var chosen = StableMath.PerToken(policyChosen, chosenTokens);
        var rejected = StableMath.PerToken(policyRejected, rejectedTokens);
        return -chosen - beta * StableMath.LogSigmoid(beta * (OrpoLoss.LogOdds(chosen) - OrpoLoss.LogOdds(rejected)));
    }
}
