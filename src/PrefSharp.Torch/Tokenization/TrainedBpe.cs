namespace PrefSharp.Torch.Tokenization;

/// <summary>
/// The result of <see cref="BpeTrainer"/>: the merge rules in order, the token strings by id (bytes first, as
/// <see cref="ByteUnicodeMap"/> characters) and the special tokens that follow them.
/// </summary>
public sealed record TrainedBpe(IReadOnlyList<(string Left, string Right)> Merges, IReadOnlyList<string> Tokens,
    IReadOnlyList<string> SpecialTokens)
{
    /// <summary>Ids in all: tokens and special tokens.</summary>
    public int VocabularySize => Tokens.Count + SpecialTokens.Count;

    /// <summary>The Hugging Face <c>tokenizer.json</c> text of this vocabulary.</summary>
    public string ToTokenizerJson() => TokenizerJsonWriter.TokenizerJson(this);

    /// <summary>The <c>tokenizer_config.json</c> text: EOS = PAD = the first special token; the ChatML template when its markers are there.</summary>
    public string ToTokenizerConfigJson() => TokenizerJsonWriter.TokenizerConfigJson(this);

    /// <summary>Writes <c>tokenizer.json</c> and <c>tokenizer_config.json</c> into <paramref name="directory"/> (each atomically).</summary>
    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        PrefSharp.Core.Data.AtomicFile.WriteAllText(Path.Combine(directory, TokenizerJsonReader.FileName), ToTokenizerJson());
        PrefSharp.Core.Data.AtomicFile.WriteAllText(Path.Combine(directory, TokenizerConfig.FileName), ToTokenizerConfigJson());
    }

    /// <summary>The tokenizer this vocabulary defines, read back through the same parser as any <c>tokenizer.json</c>.</summary>
    public HuggingFaceTokenizer ToTokenizer() =>
        TokenizerJsonReader.Parse(ToTokenizerJson(), TokenizerConfig.Parse(ToTokenizerConfigJson()), "trained BPE");
}
