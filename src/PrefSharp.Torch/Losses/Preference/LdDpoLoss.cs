using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Preference;

/// <summary>
/// LD-DPO (Liu et al. 2024, "Length Desensitization in Direct Preference Optimization", arXiv 2409.06411, §4;
/// number of the loss equation not found: the paper body was not reachable. The OpenReview reviews of the ICLR 2025
/// submission put the split of the excess part's likelihood p into p^α ("human-like") · p^{1−α} ("verbosity") at
/// eq. (10)): the tokens of each response beyond l_p = min(|y_w|, |y_l|) (the "public length") count with weight α,
/// log π̃(y) = Σ_{t ≤ l_p} log π(y_t) + α·Σ_{t &gt; l_p} log π(y_t), for policy and reference alike, then DPO's
/// −log σ(β·h̃). α = 1 is DPO; α = 0 scores only the common length. Same weighting as TRL's DPOConfig.ld_alpha
/// (huggingface/trl PR #3458) and its ports (ms-swift PR #5625, LlamaFactory PR #8362); no authors' code is public.
/// β = 0.1; α = 0.5 by default (TRL's paper index: the paper suggests 0.5 as a starting point; it tunes α per model).
/// </summary>
public static class LdDpoLoss
{
    /// <summary>Per-pair losses (B) from per-token log-ratios (policy − reference, 0 where unscored) and masks.</summary>
    public static Tensor Compute(Tensor chosenTokenLogRatios, Tensor rejectedTokenLogRatios, Tensor chosenMask, Tensor rejectedMask, double beta, double alpha)
    {
        var chosenScored = chosenMask.to(chosenTokenLogRatios.dtype);
        var rejectedScored = rejectedMask.to(rejectedTokenLogRatios.dtype);
        var publicLength = minimum(chosenScored.sum(1), rejectedScored.sum(1)).unsqueeze(1);  // (B, 1)
        var chosen = Desensitised(chosenTokenLogRatios, chosenScored, publicLength, alpha);
        var rejected = Desensitised(rejectedTokenLogRatios, rejectedScored, publicLength, alpha);
        return -StableMath.LogSigmoid(beta * (chosen - rejected));
    }

    /// <summary>Σ_t w_t·x_t with w = 1 on the first l_p scored tokens and α after them, (B).</summary>
    public static Tensor Desensitised(Tensor tokenValues, Tensor scored, Tensor publicLength, double alpha)
    {
        var rank = scored.cumsum(1);                                       // (B, T): 1-based index among scored tokens
        var weight = where(rank <= publicLength, ones_like(rank), full_like(rank, alpha)) * scored;
        return (tokenValues * weight).sum(1);
    }
}
