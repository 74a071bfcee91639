using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Preference;

/// <summary>
/// f-DPO (Wang et al. 2024, "Beyond Reverse KL: Generalizing Direct Preference Optimization with Diverse Divergence
/// Constraints", Thm. 1): the implicit reward β·f′(πθ/π_ref) replaces β·log(πθ/π_ref), so with u = πθ/π_ref,
/// L = −log σ(β·(f′(u_w) − f′(u_l))). Reverse KL: f′ = log u (DPO). Forward KL: −1/u. Jensen–Shannon:
/// log u − log(1 + u) (+ const). α-divergence: (1 − u^−α)/α, so f′(u_w) − f′(u_l) = (u_l^−α − u_w^−α)/α.
/// Defaults β = 0.1, α = 1 (TRL). Powers of u go through <see cref="StableMath.CappedExp"/>, as TRL's cap_exp.
/// TRL: f_divergence_type with loss_type="sigmoid".
/// </summary>
public static class FDivergenceLoss
{
    /// <summary>Per-pair losses (B).</summary>
    public static Tensor Compute(Tensor chosenLogRatio, Tensor rejectedLogRatio, double beta, FDivergenceKind kind, double alpha)
    {
        var margin = kind switch
        {
            FDivergenceKind.ReverseKl => chosenLogRatio - rejectedLogRatio,
            FDivergenceKind.JensenShannon => chosenLogRatio - rejectedLogRatio
                - (nn.functional.softplus(chosenLogRatio) - nn.functional.softplus(rejectedLogRatio)),
            FDivergenceKind.ForwardKl => AlphaMargin(chosenLogRatio, rejectedLogRatio, 1.0),
            FDivergenceKind.Alpha => AlphaMargin(chosenLogRatio, rejectedLogRatio, alpha),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown f-divergence"),
        };
        return -StableMath.LogSigmoid(beta * margin);
    }

    private static Tensor AlphaMargin(Tensor chosenLogRatio, Tensor rejectedLogRatio, double alpha) =>
        (StableMath.CappedExp(-alpha * rejectedLogRatio) - StableMath.CappedExp(-alpha * chosenLogRatio)) / alpha;
}
