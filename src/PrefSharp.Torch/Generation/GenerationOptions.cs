namespace PrefSharp.Torch.Generation;

/// <summary>How <see cref="BatchGenerator"/> samples. Defaults: plain ancestral sampling at temperature 1, 32 tokens.</summary>
public sealed record GenerationOptions
{
    /// <summary>Most tokens generated per row.</summary>
    public int MaxNewTokens { get; init; } = 32;

    /// <summary>Softmax temperature; 0 means greedy decoding (argmax).</summary>
    public double Temperature { get; init; } = 1.0;

    /// <summary>Keep only the k most likely tokens before sampling (Fan et al. 2018); 0 turns it off.</summary>
    public int TopK { get; init; }

    /// <summary>
    /// Nucleus sampling (Holtzman et al. 2019, "The Curious Case of Neural Text Degeneration", Eq. 2–3): sample from
    /// the smallest set of most likely tokens whose probability mass is at least p; 1 turns it off.
    /// </summary>
    public double TopP { get; init; } = 1.0;

    /// <summary>Token ids that end a row; the stop token itself is kept, counted and scored.</summary>
    public IReadOnlyList<long> StopTokenIds { get; init; } = [];

    /// <summary>Whether the model config's <c>eos_token_id</c>(s) also end a row.</summary>
    public bool StopAtEos { get; init; } = true;

    /// <summary>The id written in place of tokens after a row has finished.</summary>
    public long PadTokenId { get; init; }

    /// <summary>Seed of the generator used for this call only; the same seed gives the same tokens.</summary>
    public long Seed { get; init; }

    /// <summary>Decode with a key/value cache (one new token per forward); false recomputes the whole sequence each step.</summary>
    public bool UseCache { get; init; } = true;

    /// <summary>
    /// Intra-op threads while decoding one token per step with the cache (0: leave libtorch's setting). A decode step
    /// is ~200 tiny operations; splitting each over threads costs more in synchronisation than it gains, and on a
    /// busy machine a thread waiting for its descheduled sibling stalls every operation (measured here, d = 256,
    /// batch 8, load ≈ 5 on 2 cores: 3.7–4.6 ms per step with 1 thread, 19–89 ms with 2). Prefill and uncached
    /// steps keep the process setting. The setting is process-wide while the loop runs.
    /// </summary>
    public int DecodeThreads { get; init; } = 1;

    /// <summary>Throws <see cref="ArgumentException"/> naming the option and its allowed range.</summary>
    public GenerationOptions Validate()
    {
        if (MaxNewTokens < 1) throw new ArgumentException($"must be ≥ 1, found {MaxNewTokens}", nameof(MaxNewTokens));
        if (!(Temperature >= 0) || double.IsInfinity(Temperature))
            throw new ArgumentException($"must be finite and ≥ 0, found {Temperature}", nameof(Temperature));
        if (TopK < 0) throw new ArgumentException($"must be ≥ 0 (0 = off), found {TopK}", nameof(TopK));
        if (DecodeThreads < 0) throw new ArgumentException($"must be ≥ 0 (0 = unchanged), found {DecodeThreads}", nameof(DecodeThreads));
        if (!(TopP > 0 && TopP <= 1)) throw new ArgumentException($"must be in (0, 1], found {TopP}", nameof(TopP));
        return this;
    }
}
