using PrefSharp.Torch.LogProbs;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Dpo;

/// <summary>
/// What <see cref="PairForward.Compute"/> returns for B pairs in one 2B-row pass (chosen rows first, padded width W).
/// Position t of every (·, W − 1) tensor predicts token t + 1.
/// </summary>
/// <param name="Chosen">Per-token (B, W − 1) and per-sequence (B) log-probs of the chosen rows.</param>
/// <param name="Rejected">Per-token and per-sequence log-probs of the rejected rows.</param>
/// <param name="ChosenMask">1 where a chosen token is scored, (B, W − 1).</param>
/// <param name="RejectedMask">1 where a rejected token is scored, (B, W − 1).</param>
/// <param name="Logits">Logits (2B, W − 1, V), for entropies and WPO weights.</param>
/// <param name="Labels">The predicted tokens (2B, W − 1).</param>
/// <param name="Hidden">Last hidden states (2B, W − 1, d) at the predicting positions, for CHES.</param>
public sealed record PairForwardResult(TokenLogProbs Chosen, TokenLogProbs Rejected, Tensor ChosenMask, Tensor RejectedMask,
    Tensor Logits, Tensor Labels, Tensor Hidden)
{
    /// <summary>Number of pairs.</summary>
    public long Count => ChosenMask.shape[0];

    /// <summary>Both masks stacked, (2B, W − 1).</summary>
    public Tensor BothMasks() => cat([ChosenMask, RejectedMask], 0);
}
