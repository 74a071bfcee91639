using PrefSharp.Core.Data;

namespace PrefSharp.Torch.Tokenization;

/// <summary>
/// Llama-3: <c>&lt;|begin_of_text|&gt;</c>, then per message
/// <c>&lt;|start_header_id|&gt;{role}&lt;|end_header_id|&gt;\n\n{content}&lt;|eot_id|&gt;</c>; the generation prompt ends
/// with <c>&lt;|start_header_id|&gt;assistant&lt;|end_header_id|&gt;\n\n</c>. Scored: assistant content and its <c>&lt;|eot_id|&gt;</c>.
/// </summary>
public sealed class Llama3Template : ChatTemplate
{
    private readonly int beginOfText;
    private readonly int endOfTurn;

    public Llama3Template(ITokenizer tokenizer) : base(tokenizer)
    {
        beginOfText = RequireMarker(SpecialTokens.BeginOfText);
        RequireMarker(SpecialTokens.StartHeader);
        RequireMarker(SpecialTokens.EndHeader);
        endOfTurn = RequireMarker(SpecialTokens.EndOfTurn);
    }

    public override ChatTemplateKind Kind => ChatTemplateKind.Llama3;

    public override IReadOnlyList<int> StopTokenIds => Tokenizer.EosId is { } eos && eos != endOfTurn ? [endOfTurn, eos] : [endOfTurn];

    protected override void Begin(MaskedIds builder) => builder.Add(beginOfText, scored: false);

    protected override void Turn(MaskedIds builder, Message message)
    {
        var scored = IsAssistant(message);
        Header(builder, message.Role);
        AddContent(builder, message.Content, scored);
        builder.Add(endOfTurn, scored);
    }

    protected override void AssistantHeader(MaskedIds builder) => Header(builder, "assistant");

    private void Header(MaskedIds builder, string role) =>
        AddTemplateText(builder, $"{SpecialTokens.StartHeader}{role}{SpecialTokens.EndHeader}\n\n", SpecialTokens.Llama3);
}
