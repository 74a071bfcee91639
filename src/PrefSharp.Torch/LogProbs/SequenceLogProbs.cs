using static TorchSharp.torch;

namespace PrefSharp.Torch.LogProbs;

/// <summary>
/// log π(labels | logits) per token and per sequence, padding-safe and without materialising a (B, T, V)
/// log-softmax: each chunk of positions computes logsumexp over the vocabulary and subtracts the gathered logit,
/// log p(y) = z_y − log Σ_v exp z_v.
/// </summary>
/// <remarks>
/// Shift convention: <c>logits[:, t]</c> are scored against <c>labels[:, t]</c>; nothing is shifted here. For a
/// causal LM run on ids (B, T), the caller passes <c>logits[:, :-1]</c>, <c>labels = ids[:, 1:]</c> and
/// <c>mask = mask[:, 1:]</c> (times a response mask for prompt/response training). Labels at masked positions may
/// be anything (−100, pad); logits there must be finite, as model outputs are.
/// </remarks>
public static class SequenceLogProbs
{
    /// <summary>Elements of logits handled per chunk by default: 2²⁴ (64 MB of float32).</summary>
    public const long DefaultChunkElements = 1L << 24;

    /// <summary>
    /// logits (B, T, V), labels (B, T) int64, mask (B, T) of 1/0 (or bool) → per-token (B, T) and per-sequence (B)
    /// log-probabilities, in float32 (float64 when the logits are). Differentiable with respect to the logits.
    /// </summary>
    public static TokenLogProbs Compute(Tensor logits, Tensor labels, Tensor mask, long maxChunkElements = DefaultChunkElements)
    {
        if (logits.dim() != 3)
            throw new ArgumentException($"logits must be (B, T, V), found [{string.Join(", ", logits.shape)}]", nameof(logits));
        var (batch, length, vocabulary) = (logits.shape[0], logits.shape[1], logits.shape[2]);
        if (!labels.shape.SequenceEqual([batch, length]) || !mask.shape.SequenceEqual([batch, length]))
            throw new ArgumentException(
                $"labels and mask must be (B, T) = ({batch}, {length}), found [{string.Join(", ", labels.shape)}] and [{string.Join(", ", mask.shape)}]");
        if (maxChunkElements <= 0) throw new ArgumentOutOfRangeException(nameof(maxChunkElements), "must be positive");

        using var scope = NewDisposeScope();
        var real = mask.to(ScalarType.Bool);                                      // (B, T)
        var safeLabels = labels.to(ScalarType.Int64).masked_fill(real.logical_not(), 0);  // (B, T)
        var computeType = logits.dtype == ScalarType.Float64 ? ScalarType.Float64 : ScalarType.Float32;
        var positionsPerChunk = Math.Max(1, maxChunkElements / Math.Max(1, batch * vocabulary));
        var pieces = new List<Tensor>();
        for (long start = 0; start < length; start += positionsPerChunk)
        {
            var count = Math.Min(positionsPerChunk, length - start);
            var chunk = logits.narrow(1, start, count).to(computeType);           // (B, n, V)
            var normaliser = chunk.logsumexp(-1);                                 // (B, n)
            var picked = chunk.gather(-1, safeLabels.narrow(1, start, count).unsqueeze(-1)).squeeze(-1);  // (B, n)
            pieces.Add(picked - normaliser);
        }
        var perToken = (pieces.Count == 1 ? pieces[0] : cat(pieces, dim: 1))     // (B, T)
            .masked_fill(real.logical_not(), 0.0);
        var perSequence = perToken.sum(1);                                        // (B)
        return new TokenLogProbs(perToken.MoveToOuterDisposeScope(), perSequence.MoveToOuterDisposeScope());
    }
}
