using System.CommandLine;
using PrefSharp.Torch.Tokenization;

namespace PrefSharp.Cli.Commands;

/// <summary><c>prefsharp tokenizer encode --tokenizer DIR TEXT</c>: the ids and the piece of text each one stands for.</summary>
public static class TokenizerEncodeCommand
{
    private static readonly Option<string> Directory = new("--tokenizer") { Description = "Directory with tokenizer.json (or a PrefSharp byte-level tokenizer)", Required = true };
    private static readonly Argument<string> Text = new("TEXT") { Description = "The text to encode" };
    private static readonly Option<bool> Special = new("--special") { Description = "Recognise special tokens (<|im_start|>, …) in the text, as templates do" };

    public static Command Create()
    {
        var command = new Command("encode", "Show the token ids and pieces of a text") { Directory, Text, Special };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var tokenizer = TokenizerFiles.Load(parse.GetValue(Directory)!);
            var text = parse.GetValue(Text)!;
            var ids = parse.GetValue(Special) ? TemplateText.Encode(tokenizer, text, [.. SpecialTokens.ChatMl, .. SpecialTokens.Llama3, SpecialTokens.EndOfText])
                : tokenizer.Encode(text);
            output.WriteLine($"{ids.Count} tokens: {string.Join(" ", ids)}");
            foreach (var id in ids) output.WriteLine($"{id,8}  {Visible(tokenizer.Decode([id], skipSpecialTokens: false))}");
            return 0;
        });
        return command.WithExamples(
            "prefsharp tokenizer encode --tokenizer tok/ \"Hello, world!\"",
            "prefsharp tokenizer encode --tokenizer tok/ --special \"<|im_start|>user\\nhi<|im_end|>\"");
    }

    /// <summary>The piece quoted, with newlines and tabs escaped (a lone byte of a longer character shows as U+FFFD).</summary>
    private static string Visible(string piece) => "\"" + piece.Replace("\n", "\\n").Replace("\t", "\\t").Replace("\r", "\\r") + "\"";
}
