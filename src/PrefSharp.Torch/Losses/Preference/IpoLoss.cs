using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Preference;

/// <summary>
/// IPO (Azar et al. 2024, "A General Theoretical Paradigm to Understand Learning from Human Preferences", Eq. 17):
/// L = (h̄ − 1/(2τ))², with h̄ the margin of per-token-averaged log-ratios
/// (log πθ(y_w)/π_ref(y_w))/|y_w| − (log πθ(y_l)/π_ref(y_l))/|y_l|, as the authors confirmed for language models and
/// TRL implements. τ = β = 0.1 (TRL; the paper sweeps τ). TRL: loss_type="ipo".
/// </summary>
public static class IpoLoss
{
    /// <summary>Per-pair losses (B) from summed log-ratios and token counts.</summary>
    public static Tensor Compute(Tensor chosenLogRatio, Tensor rejectedLogRatio, Tensor chosenTokens, Tensor rejectedTokens, double tau)
    {
        var margin = StableMath.PerToken(chosenLogRatio, chosenTokens) - StableMath.PerToken(rejectedLogRatio, rejectedTokens);
        return (margin - 1 / (2 * tau)).square();
    }
}
