using PrefSharp.Torch.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Generation;

/// <summary>
/// Batched autoregressive generation from left-padded prompts, with a key/value cache by default. Each row stops at
/// its first stop/EOS token (kept and scored); finished rows receive the pad id with mask 0 and stop growing; the
/// loop ends when every row has finished or after <see cref="GenerationOptions.MaxNewTokens"/> steps. Runs under
/// <c>no_grad</c>, one dispose scope per step; randomness comes from a generator seeded for this call only. Non-finite
/// logits are a <see cref="NonFiniteLogitsException"/> before any token is drawn from them. A streaming caller passes
/// <c>onStep</c>, which hears each step's tokens as soon as they are drawn (one more host copy per step).
/// </summary>
public static class BatchGenerator
{
    /// <summary>
    /// Generates continuations of <paramref name="promptIds"/> (B, P) int64, left-padded, with
    /// <paramref name="promptMask"/> (B, P) (1 = real token; every row needs at least one).
    /// </summary>
    public static GenerationOutput Generate(ICausalLM model, Tensor promptIds, Tensor promptMask, GenerationOptions options,
        Action<GeneratedStep>? onStep = null)
    {
        options.Validate();
        if (promptIds.dim() != 2 || promptIds.dtype != ScalarType.Int64 || !promptMask.shape.SequenceEqual(promptIds.shape))
            throw new ArgumentException(
                $"prompt ids must be (B, P) int64 with a mask of the same shape, found [{string.Join(", ", promptIds.shape)}] and [{string.Join(", ", promptMask.shape)}]");
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var steps = (long)options.MaxNewTokens;
        var mask = promptMask.to(ScalarType.Int64);
        if (mask.sum(1).min().item<long>() == 0) throw new ArgumentException("every prompt row needs at least one real token", nameof(promptMask));
        var buffers = GenerationBuffers.Allocate(promptIds, mask, steps, options.PadTokenId, StopIds(model, options));
        using var generator = new Generator(unchecked((ulong)options.Seed), promptIds.device);
        using var cache = options.UseCache ? model.NewCache(promptIds.shape[1] + steps) : null;

        IntraOpThreadLimit? threadLimit = null;
        try
        {
            long done = 0;
            while (done < steps)
            {
                if (done == 1 && cache is not null) threadLimit = IntraOpThreadLimit.To(options.DecodeThreads);
                Step(model, buffers, cache, generator, options, done);
                onStep?.Invoke(GeneratedStep.Read(buffers, done));
                done++;
                if (buffers.Finished.all().item<bool>()) break;  // one host sync per step: the loop's only exit condition
            }
            return buffers.Collect(done);
        }
        finally
        {
            threadLimit?.Dispose();
        }
    }

    /// <summary>Samples the token at position P + done for every row and records it in the buffers.</summary>
    private static void Step(ICausalLM model, GenerationBuffers b, KvCache? cache, Generator generator,
        GenerationOptions options, long done)
    {
        using var stepScope = NewDisposeScope();
        var position = b.PromptLength + done;
        var logits = NextLogits(model, b, cache, done);                                        // (B, V)
        if (!logits.isfinite().all().item<bool>()) throw new NonFiniteLogitsException(done);
        var (sampled, sampledLogProbs) = TokenSampler.Next(logits, options, generator);        // (B), (B)
        var alive = b.Finished.logical_not();                                                  // (B)
        var token = where(alive, sampled, b.Padding);                                          // (B)
        b.Ids.narrow(1, position, 1).copy_(token.unsqueeze(1));
        b.Mask.narrow(1, position, 1).copy_(alive.unsqueeze(1));
        b.LogProbs.narrow(1, done, 1).copy_(sampledLogProbs.masked_fill(b.Finished, 0.0).unsqueeze(1));
        b.Finished.logical_or_(alive.logical_and(token.isin(b.StopIds)));
    }

    /// <summary>Logits (B, V) for the next position after <paramref name="done"/> generated tokens.</summary>
    private static Tensor NextLogits(ICausalLM model, GenerationBuffers b, KvCache? cache, long done)
    {
        var length = b.PromptLength + done;
        var mask = b.Mask.narrow(1, 0, length);                                         // (B, P + done)
        var input = cache is null ? b.Ids.narrow(1, 0, length)                          // whole sequence again
            : done == 0 ? b.Ids.narrow(1, 0, b.PromptLength)                            // prefill the prompt
            : b.Ids.narrow(1, length - 1, 1);                                           // only the last token
        var logits = model.forward(input, mask, cache, logitsToKeep: 1).Logits;        // (B, 1, V)
        return logits.squeeze(1);                                                       // (B, V)
    }

    private static long[] StopIds(ICausalLM model, GenerationOptions options) =>
        [.. options.StopTokenIds.Concat(options.StopAtEos ? model.Config.EosTokenIds : []).Distinct()];
}
