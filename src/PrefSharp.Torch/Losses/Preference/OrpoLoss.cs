using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Preference;

/// <summary>
/// ORPO (Hong et al. 2024, "ORPO: Monolithic Preference Optimization without Reference Model", Eq. 6–7): with the
/// per-token mean log-likelihood ℓ = log πθ(y|x)/|y| and odds(y) = e^ℓ/(1 − e^ℓ),
/// L = −ℓ_w − λ·log σ(log odds(y_w) − log odds(y_l)). λ = β = 0.1 (paper and TRL's ORPOConfig). No reference.
/// log(1 − e^ℓ) uses <see cref="StableMath.Log1mExp"/>.
/// </summary>
public static class OrpoLoss
{
    /// <summary>log odds of a per-token mean log-likelihood: ℓ − log(1 − e^ℓ).</summary>
    public static Tensor LogOdds(Tensor meanLogProb) => meanLogProb - StableMath.Log1mExp(meanLogProb);

    /// <summary>Per-pair losses (B).</summary>
    public static Tensor Compute(Tensor policyChosen, Tensor policyRejected, Tensor chosenTokens, Tensor rejectedTokens, double lambda)
    {
        var chosen = StableMath.PerToken(policyChosen, chosenTokens);
        var rejected = StableMath.PerToken(policyRejected, rejectedTokens);
        return -chosen - lambda * StableMath.LogSigmoid(LogOdds(chosen) - LogOdds(rejected));
    }
}
