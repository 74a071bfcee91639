using static TorchSharp.torch;

namespace PrefSharp.Torch.Generation;

/// <summary>
/// The tensors one <see cref="BatchGenerator.Generate"/> call fills in place, sized for all steps up front:
/// ids and mask (B, P + N), log-probs (B, N), finished rows (B), stop ids (S) and a row of pad ids (B).
/// </summary>
internal sealed record GenerationBuffers(
    Tensor Ids, Tensor Mask, Tensor LogProbs, Tensor Finished, Tensor StopIds, Tensor Padding, long PromptLength)
{
    /// <summary>Allocates the buffers in the current dispose scope.</summary>
    public static GenerationBuffers Allocate(Tensor promptIds, Tensor promptMask, long steps, long padTokenId, long[] stopIds)
    {
        var (batch, device) = (promptIds.shape[0], promptIds.device);
        return new GenerationBuffers(
            cat([promptIds, full(batch, steps, padTokenId, ScalarType.Int64, device)], dim: 1),   // (B, P + N)
            cat([promptMask, zeros(batch, steps, ScalarType.Int64, device)], dim: 1),             // (B, P + N)
            zeros(batch, steps, ScalarType.Float32, device),                                      // (B, N)
            zeros(batch, ScalarType.Bool, device),                                                // (B)
            tensor(stopIds, ScalarType.Int64, device),                                            // (S)
            full(batch, padTokenId, ScalarType.Int64, device),                                    // (B)
            promptIds.shape[1]);
    }

    /// <summary>The outputs after <paramref name="done"/> steps, moved to the caller's dispose scope.</summary>
    public GenerationOutput Collect(long done)
    {
        Tensor Keep(Tensor t) => t.contiguous().MoveToOuterDisposeScope();
        return new GenerationOutput(
            Keep(Ids.narrow(1, 0, PromptLength + done)),
            Keep(Mask.narrow(1, 0, PromptLength + done)),
            Keep(Ids.narrow(1, PromptLength, done)),
            Keep(LogProbs.narrow(1, 0, done)),
            Keep(Mask.narrow(1, PromptLength, done)));
    }
}
