using PrefSharp.Core.Data;

namespace PrefSharp.Torch.Tokenization;

/// <summary>
/// ChatML: each message is <c>&lt;|im_start|&gt;{role}\n{content}&lt;|im_end|&gt;\n</c>; the generation prompt ends with
/// <c>&lt;|im_start|&gt;assistant\n</c>. Scored: assistant content and its <c>&lt;|im_end|&gt;</c> (not the "\n" after it).
/// </summary>
public sealed class ChatMlTemplate : ChatTemplate
{
    private readonly int imEnd;

    public ChatMlTemplate(ITokenizer tokenizer) : base(tokenizer)
    {
        RequireMarker(SpecialTokens.ImStart);
        imEnd = RequireMarker(SpecialTokens.ImEnd);
    }

    public override ChatTemplateKind Kind => ChatTemplateKind.ChatMl;

    public override IReadOnlyList<int> StopTokenIds => Tokenizer.EosId is { } eos && eos != imEnd ? [imEnd, eos] : [imEnd];

    protected override void Turn(MaskedIds builder, Message message)
    {
        var scored = IsAssistant(message);
        AddTemplateText(builder, $"{SpecialTokens.ImStart}{message.Role}\n", SpecialTokens.ChatMl);
        AddContent(builder, message.Content, scored);
        builder.Add(imEnd, scored);
        AddTemplateText(builder, "\n", SpecialTokens.ChatMl);
    }

    protected override void AssistantHeader(MaskedIds builder) =>
        AddTemplateText(builder, $"{SpecialTokens.ImStart}assistant\n", SpecialTokens.ChatMl);
}
