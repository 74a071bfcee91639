using System.CommandLine;

namespace PrefSharp.Cli.Commands;

/// <summary><c>prefsharp tokenizer</c>: train a byte-level BPE vocabulary, or look at how a tokenizer splits text.</summary>
public static class TokenizerCommand
{
    public static Command Create() => new("tokenizer", "Train a byte-level BPE tokenizer (Hugging Face tokenizer.json) or encode text with one")
    {
        TokenizerTrainCommand.Create(),
        TokenizerEncodeCommand.Create(),
    };
}
