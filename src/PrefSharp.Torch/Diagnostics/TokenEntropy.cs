using static TorchSharp.torch;

namespace PrefSharp.Torch.Diagnostics;

/// <summary>
/// Per-token entropy of the policy, H_t = −Σ_v p_v log p_v = logsumexp(z) − Σ_v softmax(z)_v z_v, computed in
/// chunks of positions (as <see cref="LogProbs.SequenceLogProbs"/> does) so that no (B, T, V) float copy beyond one
/// chunk is held. Falling entropy with rising reward is the usual sign of mode collapse (Cui et al. 2025, "The Entropy
/// Mechanism of RL for Reasoning LMs").
/// </summary>
public static class TokenEntropy
{
    /// <summary>logits (B, T, V), mask (B, T) → entropies (B, T) in nats, 0 where masked. Differentiable.</summary>
    public static Tensor Compute(Tensor logits, Tensor mask, long maxChunkElements = LogProbs.SequenceLogProbs.DefaultChunkElements)
    {
        if (logits.dim() != 3) throw new ArgumentException($"logits must be (B, T, V), found [{string.Join(", ", logits.shape)}]", nameof(logits));
        var (batch, length, vocabulary) = (logits.shape[0], logits.shape[1], logits.shape[2]);
        if (!mask.shape.SequenceEqual([batch, length]))
            throw new ArgumentException($"mask must be (B, T) = ({batch}, {length}), found [{string.Join(", ", mask.shape)}]", nameof(mask));
        if (maxChunkElements <= 0) throw new ArgumentOutOfRangeException(nameof(maxChunkElements), "must be positive");
        using var scope = NewDisposeScope();
        var computeType = logits.dtype == ScalarType.Float64 ? ScalarType.Float64 : ScalarType.Float32;
        var positionsPerChunk = Math.Max(1, maxChunkElements / Math.Max(1, batch * vocabulary));
        var pieces = new List<Tensor>();
        for (long start = 0; start < length; start += positionsPerChunk)
        {
            var chunk = logits.narrow(1, start, Math.Min(positionsPerChunk, length - start)).to(computeType);  // (B, n, V)
            pieces.Add(chunk.logsumexp(-1) - (chunk.softmax(-1) * chunk).sum(-1));                               // (B, n)
        }
        var entropy = pieces.Count == 1 ? pieces[0] : cat(pieces, dim: 1);                                       // (B, T)
        return entropy.masked_fill(mask.to(ScalarType.Bool).logical_not(), 0.0).MoveToOuterDisposeScope();
    }
}
