namespace PrefSharp.Torch.Tokenization;

/// <summary>The special token strings PrefSharp knows by name.</summary>
public static class SpecialTokens
{
    /// <summary>GPT-2's end of text, used as EOS and padding by the byte-level tokenizer.</summary>
    public const string EndOfText = "<|endoftext|>";

    /// <summary>ChatML turn start (Qwen, many fine-tunes).</summary>
    public const string ImStart = "<|im_start|>";

    /// <summary>ChatML turn end.</summary>
    public const string ImEnd = "<|im_end|>";

    /// <summary>Llama-3 start of the whole text.</summary>
    public const string BeginOfText = "<|begin_of_text|>";

    /// <summary>Llama-3 role header start.</summary>
    public const string StartHeader = "<|start_header_id|>";

    /// <summary>Llama-3 role header end.</summary>
    public const string EndHeader = "<|end_header_id|>";

    /// <summary>Llama-3 end of turn.</summary>
    public const string EndOfTurn = "<|eot_id|>";

    /// <summary>The markers ChatML needs.</summary>
    public static readonly IReadOnlyList<string> ChatMl = [ImStart, ImEnd];

    /// <summary>The markers the Llama-3 template needs.</summary>
    public static readonly IReadOnlyList<string> Llama3 = [BeginOfText, StartHeader, EndHeader, EndOfTurn];
}
