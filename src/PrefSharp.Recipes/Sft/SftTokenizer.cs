using PrefSharp.Torch.Tokenization;

namespace PrefSharp.Recipes.Sft;

/// <summary>The tokenizer of <c>prefsharp sft</c> and how each checkpoint carries it.</summary>
public static class SftTokenizer
{
    /// <summary>
    /// The tokenizer in <paramref name="tokenizerDirectory"/> or else in <paramref name="modelDirectory"/>; with
    /// neither (a model from scratch) the byte-level tokenizer. The second item writes it into a checkpoint folder,
    /// so every checkpoint loads alone (<c>prefsharp generate --model CHECKPOINT</c>).
    /// </summary>
    public static (ITokenizer Tokenizer, Action<string> SaveInto) Load(string? modelDirectory, string? tokenizerDirectory)
    {
        if ((tokenizerDirectory ?? modelDirectory) is { } source)
            return (TokenizerFiles.Load(source), target => TokenizerFiles.CopyFiles(source, target));
        var bytes = new ByteLevelTokenizer();
        return (bytes, target => TokenizerFiles.SaveByteLevel(bytes, target));
    }
}
