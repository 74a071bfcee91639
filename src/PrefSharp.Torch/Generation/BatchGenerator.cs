using PrefSharp.Torch.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Generation;

/// <summary>
/// Batched autoregressive generation from left-padded prompts, with a key/value cache by default. Each row stops at
/// its first stop/EOS token (kept and scored); finished rows receive the pad id with mask 0 and stop growing; the
/// loop ends when every row has finished or after <see cref="GenerationOptions.MaxNewTokens"/> steps. Runs under
/// <c>no_grad</c>, one dispose scope per step; randomness comes from a generator seeded for this call only. Non-finite
/// logits are a <see cref="NonFiniteLogitsException"/> before any token is drawn from them. The next-token scores come
/// from one model (<see cref="Generate"/>) or from Nash-MD's geometric mixture of two (<see cref="GenerateMixture"/>).
/// A streaming caller passes <c>onStep</c>, which hears each step's tokens as soon as they are drawn (one more host
/// copy per step).
/// </summary>
public static class BatchGenerator
{
    /// <summary>
    /// Generates continuations of <paramref name="promptIds"/> (B, P) int64, left-padded, with
    /// <paramref name="promptMask"/> (B, P) (1 = real token; every row needs at least one).
    /// </summary>
    public static GenerationOutput Generate(ICausalLM model, Tensor promptIds, Tensor promptMask, GenerationOptions options,
        Action<GeneratedStep>? onStep = null) =>
        Run(model, promptIds, promptMask, options, capacity => ModelLogitsStep.For(model, options.UseCache, capacity), onStep);

    /// <summary>
    /// Generates from the geometric mixture π^(1−β)·π_ref^β of <paramref name="policy"/> and <paramref name="reference"/>
    /// (<see cref="GeometricMixture"/>, Nash-MD's opponent), token by token, each model with its own cache; the two must
    /// share a vocabulary. Stops as <see cref="Generate"/> does, at the policy's EOS ids; the recorded log-probs are the mixture's.
    /// </summary>
    public static GenerationOutput GenerateMixture(ICausalLM policy, ICausalLM reference, double coefficient, Tensor promptIds,
        Tensor promptMask, GenerationOptions options)
    {
        GeometricMixture.Check(coefficient);
        if (policy.Config.VocabSize != reference.Config.VocabSize)
            throw new ArgumentException($"the policy has {policy.Config.VocabSize} token ids and the reference {reference.Config.VocabSize}: a mixture needs one vocabulary", nameof(reference));
        return Run(policy, promptIds, promptMask, options, capacity => new MixtureLogitsStep(
            ModelLogitsStep.For(policy, options.UseCache, capacity), ModelLogitsStep.For(reference, options.UseCache, capacity), coefficient), null);
    }

    /// <summary>The sampling loop over any <see cref="ILogitsStep"/>; <paramref name="model"/> gives the EOS ids.</summary>
    private static GenerationOutput Run(ICausalLM model, Tensor promptIds, Tensor promptMask, GenerationOptions options,
        Func<long, ILogitsStep> logitsFor, Action<GeneratedStep>? onStep)
    {
        options.Validate();
        if (promptIds.dim() != 2 || promptIds.dtype != ScalarType.Int64 || !promptMask.shape.SequenceEqual(promptIds.shape))
            throw new ArgumentException(
                $"prompt ids must be (B, P) int64 with a mask of the same shape, found [{string.Join(", ", promptIds.shape)}] and [{string.Join(", ", promptMask.shape)}]");
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var steps = (long)options.MaxNewTokens;
        var device = Runtime.ComputeTarget.Of(model.Module).Device;
        promptIds = promptIds.to(device);                                   // prompts are packed on the CPU
        var mask = promptMask.to(ScalarType.Int64, device);
        if (mask.sum(1).min().item<long>() == 0) throw new ArgumentException("every prompt row needs at least one real token", nameof(promptMask));
        var buffers = GenerationBuffers.Allocate(promptIds, mask, steps, options.PadTokenId, StopIds(model, options));
        using var generator = new Generator(unchecked((ulong)options.Seed), promptIds.device);
        using var logits = logitsFor(promptIds.shape[1] + steps);

        IntraOpThreadLimit? threadLimit = null;
        try
        {
            long done = 0;
            while (done < steps)
            {
                if (done == 1 && logits.Cached) threadLimit = IntraOpThreadLimit.To(options.DecodeThreads);
                Step(logits, buffers, generator, options, done);
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
    private static void Step(ILogitsStep source, GenerationBuffers b, Generator generator, GenerationOptions options, long done)
    {
        using var stepScope = NewDisposeScope();
        var position = b.PromptLength + done;
        var logits = source.Next(b, done);                                                     // (B, V)
        if (!logits.isfinite().all().item<bool>()) throw new NonFiniteLogitsException(done);
        var (sampled, sampledLogProbs) = TokenSampler.Next(logits, options, generator);        // (B), (B)
        var alive = b.Finished.logical_not();                                                  // (B)
        var token = where(alive, sampled, b.Padding);                                          // (B)
        b.Ids.narrow(1, position, 1).copy_(token.unsqueeze(1));
        b.Mask.narrow(1, position, 1).copy_(alive.unsqueeze(1));
        b.LogProbs.narrow(1, done, 1).copy_(sampledLogProbs.masked_fill(b.Finished, 0.0).unsqueeze(1));
        b.Finished.logical_or_(alive.logical_and(token.isin(b.StopIds)));
    }

    private static long[] StopIds(ICausalLM model, GenerationOptions options) =>
        [.. options.StopTokenIds.Concat(options.StopAtEos ? model.Config.EosTokenIds : []).Distinct()];
}
