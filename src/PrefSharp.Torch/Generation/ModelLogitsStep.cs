using PrefSharp.Torch.Models;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Generation;

/// <summary>
/// The logits of one causal LM, with its own key/value cache (prefill the prompt, then one token per step) or, without
/// a cache, the whole sequence again at every step.
/// </summary>
internal sealed class ModelLogitsStep(ICausalLM model, KvCache? cache) : ILogitsStep
{
    /// <summary>A step over <paramref name="model"/> with a cache for <paramref name="capacity"/> tokens per row when <paramref name="useCache"/>.</summary>
    public static ModelLogitsStep For(ICausalLM model, bool useCache, long capacity) =>
        new(model, useCache ? model.NewCache(capacity) : null);

    public bool Cached => cache is not null;

    public Tensor Next(GenerationBuffers b, long done)
    {
        var length = b.PromptLength + done;
        var mask = b.Mask.narrow(1, 0, length);                                         // (B, P + done)
        var input = cache is null ? b.Ids.narrow(1, 0, length)                          // whole sequence again
            : done == 0 ? b.Ids.narrow(1, 0, b.PromptLength)                            // prefill the prompt
            : b.Ids.narrow(1, length - 1, 1);                                           // only the last token
        var logits = model.forward(input, mask, cache, logitsToKeep: 1).Logits;        // (B, 1, V)
        return logits.squeeze(1);                                                       // (B, V)
    }

    public void Dispose() => cache?.Dispose();
}
