using System.CommandLine;
using System.Text;
using PrefSharp.Torch.Tokenization;

namespace PrefSharp.Cli.Commands;

/// <summary>
/// <c>prefsharp tokenizer encode --tokenizer DIR (TEXT | --file PATH)</c>: the ids and the piece of text each one
/// stands for. Special tokens written in the text are plain text unless <c>--special</c>, as everywhere PrefSharp
/// encodes user text (<see cref="ITokenizer.Encode"/>).
/// </summary>
public static class TokenizerEncodeCommand
{
    private static readonly Option<string> Directory = new("--tokenizer") { Description = "Directory with tokenizer.json (or a PrefSharp byte-level tokenizer)", Required = true };

    private static readonly Argument<string?> Text = new("TEXT")
    {
        Description = "The text to encode (text that starts with '-' goes after '--'); or use --file",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private static readonly Option<string?> File = new("--file")
    {
        Description = "Read the text from this UTF-8 file ('-' for standard input), as is: a final newline is encoded too",
    };

    private static readonly Option<bool> Special = new("--special")
    {
        Description = "Recognise special tokens (<|im_start|>, …) written in the text, as chat templates do. Without it they "
            + "are plain text, as in all user text PrefSharp encodes, so data cannot forge a turn or a role "
            + "(Hugging Face's default is to recognise them)",
    };

    public static Command Create()
    {
        var command = new Command("encode", "Show the token ids and pieces of a text") { Directory, Text, File, Special };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var tokenizer = TokenizerFiles.Load(parse.GetValue(Directory)!);
            var text = ReadText(parse.GetValue(Text), parse.GetValue(File));
            var ids = parse.GetValue(Special) ? TemplateText.Encode(tokenizer, text, [.. SpecialTokens.ChatMl, .. SpecialTokens.Llama3, SpecialTokens.EndOfText])
                : tokenizer.Encode(text);
            output.WriteLine($"{ids.Count} tokens: {string.Join(" ", ids)}");
            foreach (var id in ids) output.WriteLine($"{id,8}  {Visible(tokenizer.Decode([id], skipSpecialTokens: false))}");
            return 0;
        });
        return command.WithExamples(
            "prefsharp tokenizer encode --tokenizer tok/ \"Hello, world!\"",
            "prefsharp tokenizer encode --tokenizer tok/ --special \"<|im_start|>user\\nhi<|im_end|>\"",
            "prefsharp tokenizer encode --tokenizer tok/ -- \"--not an option\"",
            "prefsharp tokenizer encode --tokenizer tok/ --file essay.txt",
            "cat essay.txt | prefsharp tokenizer encode --tokenizer tok/ --file -");
    }

    /// <summary>The TEXT argument or the contents of --file; exactly one of them.</summary>
    private static string ReadText(string? text, string? file)
    {
        if (text is not null && file is not null) throw new ArgumentException("give the text either as TEXT or with --file, not both");
        if (file is null) return text ?? throw new ArgumentException("no text to encode; expected TEXT or --file PATH ('-' for standard input)");
        if (file != "-") return System.IO.File.ReadAllText(file, Encoding.UTF8);
        using var input = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return input.ReadToEnd();
    }

    /// <summary>The piece quoted, with newlines and tabs escaped (a lone byte of a longer character shows as U+FFFD).</summary>
    private static string Visible(string piece) => "\"" + piece.Replace("\n", "\\n").Replace("\t", "\\t").Replace("\r", "\\r") + "\"";
}
