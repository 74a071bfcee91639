using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Preference;

/// <summary>
/// MaPO (Hong et al. 2024, "Margin-aware Preference Optimization for Aligning Diffusion Models without Reference",
/// arXiv 2406.06424v2 / AAAI 2026, Eqs. 9–11: L = L_MSE(x_w) + β⁻¹·L_margin (9),
/// L_margin = −log σ(φ_β(L_MSE(x_w)) − φ_β(L_MSE(x_l))) (10), bounded link φ_β(m) = βm/(e^{βm} − 1) ∈ (0, 1) (11)),
/// transcribed to language models: the likelihood of the chosen response plus a margin term on the log-odds of a
/// bounded likelihood, L = −ℓ_w − β·log σ(β·(log odds(y_w) − log odds(y_l))), ℓ = per-token mean log-likelihood (the
/// diffusion paper's −MSE plays that role), odds as in <see cref="OrpoLoss"/>. β = 0.1 (the release's default
/// beta_mapo). Reference-free.
/// Departs from the paper and from its reference code (mapo-t2i/mapo, train.py: mean MSE(x_w) − β·mean
/// log σ(T·(φ_κ(m_w) − φ_κ(m_l))), κ = snr_value 0.5, T = num_train_timesteps 1000, β = beta_mapo 0.1): the link here
/// is ORPO's log-odds, not φ, and the margin inside σ is scaled by β (the paper: temperature β inside φ and weight
/// β⁻¹ outside; the code: T inside, β outside). With 1 inside σ this loss would equal ORPO with λ = β.
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
