using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Training.Sft;

namespace PrefSharp.Cli.Commands.Sft;

/// <summary>
/// The two seams of <c>prefsharp sft</c> that wait for the tokenizer work (Tokenization/: ByteLevelTokenizer,
/// TokenizerFiles.Load, ChatTemplate). Everything else in the verb is complete.
/// </summary>
public static class SftInputs
{
    // TODO(tokenizer): wire TokenizerFiles.Load(tokenizerPath ?? modelDirectory) and, with neither, the byte-level
    // tokenizer for models trained from scratch. Until then the verb stops here with a clear message.
    /// <summary>The tokenizer of <paramref name="modelDirectory"/> (its tokenizer.json), or of <paramref name="tokenizerPath"/>.</summary>
    public static ITokenizer LoadTokenizer(string? modelDirectory, string? tokenizerPath) =>
        throw new NotSupportedException(
            "prefsharp sft: tokenizer loading is not wired into this build yet (waiting for PrefSharp.Torch.Tokenization); "
            + $"asked for {tokenizerPath ?? modelDirectory ?? "the byte-level tokenizer"}");

    // TODO(tokenizer): for conversations, render with ChatTemplate (prompt with the generation prompt, then the
    // assistant turn and its end token). Plain "role: content" lines until then.
    /// <summary>Prompt and response texts of an example.</summary>
    public static (string Prompt, string Completion) Render(SftExample example, ITokenizer tokenizer) => SftTokenization.PlainText(example);
}
