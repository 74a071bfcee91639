using PrefSharp.Torch.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Generation;

/// <summary>
/// Batched autoregressive generation from left-padded prompts, with a key/value cache by default. Each row stops at
/// its first stop/EOS token (kept and scored); finished rows receive the pad id with mask 0 and stop growing; the
/// loop ends when every row has finished or after <see cref="GenerationOptions.MaxNewTokens"/> steps. Runs under
/// <c>no_grad</c>, one dispose scope per step; randomness comes from a generator seeded for this call only.
/// </summary>
public static class BatchGenerator
{
    /// <summary>
    /// Generates continuations of <paramref name="promptIds"/> (B, P) int64, left-padded, with
    /// <paramref name="promptMask"/> (B, P) (1 = real token; every row needs at least one).
    /// </summary>
    public static GenerationOutput Generate(ICausalLM model, Tensor promptIds, Tensor promptMask, GenerationOptions options)
    {
        options.Validate();
        if (promptIds.dim() != 2 || promptIds.dtype != ScalarType.Int64 || !promptMask.shape.SequenceEqual(promptIds.shape))
            throw new ArgumentException(
                $"prompt ids must be (B, P) int64 with a mask of the same shape, found [{string.Join(", ", promptIds.shape)}] and [{string.Join(", ", promptMask.shape)}]");
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var (batch, promptLength, steps) = (promptIds.shape[0], promptIds.shape[1], (long)options.MaxNewTokens);
        var device = promptIds.device;
        var mask = promptMask.to(ScalarType.Int64);
        if (mask.sum(1).min().item<long>() == 0) throw new ArgumentException("every prompt row needs at least one real token", nameof(promptMask));

        var ids = cat([promptIds, full(batch, steps, options.PadTokenId, ScalarType.Int64, device)], dim: 1);  // (B, P + N)
        var fullMask = cat([mask, zeros(batch, steps, ScalarType.Int64, device)], dim: 1);                    // (B, P + N)
        var logProbs = zeros(batch, steps, ScalarType.Float32, device);                                        // (B, N)
        var finished = zeros(batch, ScalarType.Bool, device);                                                  // (B)
        var stopIds = tensor(StopIds(model, options), ScalarType.Int64, device);                               // (S)
        var padding = full(batch, options.PadTokenId, ScalarType.Int64, device);                              // (B)
        using var generator = new Generator(unchecked((ulong)options.Seed), device);
        using var cache = options.UseCache ? model.NewCache(promptLength + steps) : null;

        long done = 0;
        while (done < steps)
        {
            using var stepScope = NewDisposeScope();
            var logits = NextLogits(model, ids, fullMask, cache, promptLength, done);                          // (B, V)
            var (sampled, sampledLogProbs) = TokenSampler.Next(logits, options, generator);                    // (B), (B)
            var alive = finished.logical_not();                                                                // (B)
            var token = where(alive, sampled, padding);
            ids.narrow(1, promptLength + done, 1).copy_(token.unsqueeze(1));
            fullMask.narrow(1, promptLength + done, 1).copy_(alive.unsqueeze(1));
            logProbs.narrow(1, done, 1).copy_(sampledLogProbs.masked_fill(finished, 0.0).unsqueeze(1));
            finished.logical_or_(alive.logical_and(token.isin(stopIds)));
            done++;
            if (finished.all().item<bool>()) break;  // one host sync per step: the loop's only exit condition
        }

        var sequences = ids.narrow(1, 0, promptLength + done);
        var attentionMask = fullMask.narrow(1, 0, promptLength + done);
        return new GenerationOutput(
            sequences.contiguous().MoveToOuterDisposeScope(),
            attentionMask.contiguous().MoveToOuterDisposeScope(),
            ids.narrow(1, promptLength, done).contiguous().MoveToOuterDisposeScope(),
            logProbs.narrow(1, 0, done).contiguous().MoveToOuterDisposeScope(),
            fullMask.narrow(1, promptLength, done).contiguous().MoveToOuterDisposeScope());
    }

    /// <summary>Logits (B, V) for the next position after <paramref name="done"/> generated tokens.</summary>
    private static Tensor NextLogits(ICausalLM model, Tensor ids, Tensor fullMask, KvCache? cache, long promptLength, long done)
    {
        var length = promptLength + done;
        var mask = fullMask.narrow(1, 0, length);                                       // (B, P + done)
        var input = cache is null ? ids.narrow(1, 0, length)                            // whole sequence again
            : done == 0 ? ids.narrow(1, 0, promptLength)                                // prefill the prompt
            : ids.narrow(1, length - 1, 1);                                             // only the last token
        var logits = model.forward(input, mask, cache, logitsToKeep: 1).Logits;        // (B, 1, V)
        return logits.squeeze(1);                                                       // (B, V)
    }

    private static long[] StopIds(ICausalLM model, GenerationOptions options) =>
        [.. options.StopTokenIds.Concat(options.StopAtEos ? model.Config.EosTokenIds : []).Distinct()];
}
