using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Preference;

/// <summary>
/// MaPO (Hong et al. 2024, "Margin-aware Preference Optimization for Aligning Diffusion Models without Reference",
/// arXiv 2406.06424, AAAI 2026; equation number not found: only the paper's front matter was reachable),
/// transcribed to language models: the likelihood of the chosen response plus a margin term on the log-odds of a
/// bounded likelihood, L = −ℓ_w − β·log σ(β·(log odds(y_w) − log odds(y_l))), ℓ = per-token mean log-likelihood (the
/// diffusion paper's −MSE plays that role), odds as in <see cref="OrpoLoss"/>. β = 0.1 (the release's default
/// beta_mapo). Reference-free.
/// Departs from the reference code (mapo-t2i/mapo, train.py), which computes
/// mean MSE(y_w) − β·mean log σ(T·(s_w − s_l)) with s = κ·m/(e^{κ·m} − 1) of the per-sample MSE m (κ = snr_value 0.5,
/// T = num_train_timesteps 1000): there the margin inside σ is scaled up by T, here by β (a PrefSharp choice; with
/// 1 inside it would equal ORPO with λ = β), and the link is ORPO's log-odds rather than κm/(e^{κm} − 1).
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
