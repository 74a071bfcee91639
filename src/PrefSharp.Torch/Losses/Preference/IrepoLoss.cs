using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Preference;

/// <summary>
/// iREPO (Le et al. 2024, "iREPO: implicit Reward Pairwise Difference based Empirical Preference Optimization",
/// arXiv 2405.15230, §4.2; equation number not found: only the front matter of the arXiv HTML was reachable and no
/// reference code is indexed; the abstract ("logit of empirical AI annotators") and an OpenReview review of the ICLR 2025
/// submission ("square loss", §4.2) point to a squared regression onto the logit of the empirical preference, but the
/// exact form was not seen):
/// regress the implicit reward difference onto the logit of the empirical (soft) preference p̂,
/// L = (β·h − log(p̂/(1 − p̂)))², h the DPO log-ratio margin; p̂ clamped to [ε, 1 − ε] (ε = 1e-3, ours: the paper's
/// clamp, if any, was not found). β = 0.1 (ours).
/// At its optimum β·h = logit p̂, i.e. σ(β·h) = p̂: the Bradley–Terry probability of the implicit reward matches
/// the annotators'.
/// </summary>
public static class IrepoLoss
{
    /// <summary>Per-pair losses (B).</summary>
    public static Tensor Compute(Tensor chosenLogRatio, Tensor rejectedLogRatio, Tensor softLabels, double beta, double clamp)
    {
        var p = softLabels.to(chosenLogRatio.dtype).clamp(clamp, 1 - clamp);
        return (beta * (chosenLogRatio - rejectedLogRatio) - (p.log() - (1 - p).log())).square();
    }
}
