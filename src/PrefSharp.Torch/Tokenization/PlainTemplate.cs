using PrefSharp.Core.Data;
using PrefSharp.Torch.Batches;

namespace PrefSharp.Torch.Tokenization;

/// <summary>
/// For tokenizers without chat markers: [BOS when the tokenizer adds one] + prompt + completion + EOS, the completion
/// and the EOS scored. A conversation is its contents one after another, each assistant turn followed by a scored EOS.
/// Needs an EOS id (a model must learn where to stop).
/// </summary>
public sealed class PlainTemplate : ChatTemplate
{
    private readonly int eos;

    public PlainTemplate(ITokenizer tokenizer) : base(tokenizer) =>
        eos = tokenizer.EosId ?? throw new ArgumentException("the plain template needs a tokenizer with an EOS token", nameof(tokenizer));

    public override ChatTemplateKind Kind => ChatTemplateKind.Plain;

    public override IReadOnlyList<int> StopTokenIds => [eos];

    public override TokenizedSequence PromptCompletion(string prompt, string completion)
    {
        var builder = new MaskedIds();
        Begin(builder);
        AddContent(builder, prompt, scored: false);
        AddContent(builder, completion, scored: true);
        builder.Add(eos, scored: true);
        return builder.ToSequence();
    }

    public override IReadOnlyList<int> Prompt(string prompt)
    {
        var builder = new MaskedIds();
        Begin(builder);
        AddContent(builder, prompt, scored: false);
        return builder.Ids;
    }

    protected override void Begin(MaskedIds builder)
    {
        if (Tokenizer is IChatTemplateSource { AddBosToken: true } && Tokenizer.BosId is { } bos) builder.Add(bos, scored: false);
    }

    protected override void Turn(MaskedIds builder, Message message)
    {
        var scored = IsAssistant(message);
        AddContent(builder, message.Content, scored);
        if (scored) builder.Add(eos, scored: true);
    }

    protected override void AssistantHeader(MaskedIds builder) { }
}
