namespace PrefSharp.Torch.Tokenization;

/// <summary>Options of <see cref="BpeTrainer"/>.</summary>
public sealed record BpeTrainerOptions
{
    /// <summary>Ids in the trained tokenizer, the 256 bytes and the special tokens included (GPT-2 used 50,257).</summary>
    public int VocabularySize { get; init; } = 4096;

    /// <summary>Special tokens, ids after the merged tokens; the first is EOS and padding.</summary>
    public IReadOnlyList<string> SpecialTokens { get; init; } = [Tokenization.SpecialTokens.EndOfText, .. Tokenization.SpecialTokens.ChatMl];

    /// <summary>A pair seen fewer times than this is never merged (training stops early, below the requested size).</summary>
    public int MinFrequency { get; init; } = 2;

    /// <summary>Throws <see cref="ArgumentException"/> naming the option and its allowed range.</summary>
    public BpeTrainerOptions Validate()
    {
        var smallest = ByteLevelTokenizer.ByteCount + SpecialTokens.Count;
        if (VocabularySize < smallest)
            throw new ArgumentException($"must be ≥ 256 bytes + {SpecialTokens.Count} special tokens = {smallest}, found {VocabularySize}", "vocab-size");
        if (SpecialTokens.Count == 0) throw new ArgumentException("at least one special token (the EOS) is needed", nameof(SpecialTokens));
        if (SpecialTokens.Any(string.IsNullOrEmpty) || SpecialTokens.Distinct().Count() != SpecialTokens.Count)
            throw new ArgumentException("special tokens must be distinct and non-empty", nameof(SpecialTokens));
        if (MinFrequency < 1) throw new ArgumentException($"must be ≥ 1, found {MinFrequency}", nameof(MinFrequency));
        return this;
    }
}
