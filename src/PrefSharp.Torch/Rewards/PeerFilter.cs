using static TorchSharp.torch;

namespace PrefSharp.Torch.Rewards;

/// <summary>
/// Peer review of training pairs, after Collaborative Reward Modeling (CRM; "Two Minds Better Than One:
/// Collaborative Reward Modeling for LLM Alignment", 2025, §3): noisy pairs are hard to fit, so each of two reward
/// models keeps for its peer the pairs on which it has the smallest loss, dropping the rest. Returns a bool mask (B)
/// of the ⌈keep·B⌉ pairs with the smallest peer losses. The paper anneals the kept fraction by
/// curriculum; pass the current fraction here (1 keeps every pair).
/// </summary>
public static class PeerFilter
{
    /// <summary>Mask (B) of the pairs the peer's losses (B) select.</summary>
    public static Tensor Select(Tensor peerLosses, double keepFraction)
    {
        if (peerLosses.dim() != 1) throw new ArgumentException("peer losses must be (B)", nameof(peerLosses));
        if (!(keepFraction > 0 && keepFraction <= 1)) throw new ArgumentException($"keepFraction must be in (0, 1], found {keepFraction}", nameof(keepFraction));
        using var scope = NewDisposeScope();
        var count = peerLosses.shape[0];
        var keep = (long)Math.Ceiling(keepFraction * count);
        var (_, indices) = peerLosses.detach().topk((int)keep, largest: false);
        var mask = zeros(count, dtype: ScalarType.Bool, device: peerLosses.device).index_fill_(0, indices, true);
        return mask.MoveToOuterDisposeScope();
    }
}
