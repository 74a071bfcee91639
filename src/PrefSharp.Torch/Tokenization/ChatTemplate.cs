using PrefSharp.Core.Data;
using PrefSharp.Torch.Batches;

namespace PrefSharp.Torch.Tokenization;

/// <summary>
/// Turns conversations into token ids with a loss mask that is true exactly on what the assistant says: the content
/// of each assistant turn and its end-of-turn marker (the model must learn to stop), never the role headers, the
/// other turns or the separators. Each piece is tokenized on its own (template text with markers as single ids, user
/// content with <see cref="ITokenizer.Encode"/>, so content cannot inject markers); a BPE merge never crosses a
/// piece boundary, which for byte-level BPE is also what tokenizing the rendered text gives at "\n" and marker
/// boundaries. Content is used as given (Llama-3's Jinja template trims it; PrefSharp does not).
/// </summary>
public abstract class ChatTemplate
{
    protected ChatTemplate(ITokenizer tokenizer) => Tokenizer = tokenizer;

    /// <summary>The tokenizer every piece goes through.</summary>
    public ITokenizer Tokenizer { get; }

    /// <summary>Which layout this is.</summary>
    public abstract ChatTemplateKind Kind { get; }

    /// <summary>Ids that end an assistant turn during generation (the end-of-turn marker and EOS).</summary>
    public abstract IReadOnlyList<int> StopTokenIds { get; }

    /// <summary>A whole conversation, scored on assistant turns.</summary>
    public TokenizedSequence Conversation(IReadOnlyList<Message> messages)
    {
        if (messages.Count == 0) throw new ArgumentException("a conversation needs at least one message", nameof(messages));
        var builder = new MaskedIds();
        Begin(builder);
        foreach (var message in messages) Turn(builder, message);
        return builder.ToSequence();
    }

    /// <summary>The conversation so far followed by the assistant header: what a model continues when asked to answer.</summary>
    public IReadOnlyList<int> GenerationPrompt(IReadOnlyList<Message> messages)
    {
        var builder = new MaskedIds();
        Begin(builder);
        foreach (var message in messages) Turn(builder, message);
        AssistantHeader(builder);
        return builder.Ids;
    }

    /// <summary>A single-turn example: the user's <paramref name="prompt"/> and the assistant's scored <paramref name="completion"/>.</summary>
    public virtual TokenizedSequence PromptCompletion(string prompt, string completion) =>
        Conversation([new Message("user", prompt), new Message("assistant", completion)]);

    /// <summary>The generation prompt for one user message.</summary>
    public virtual IReadOnlyList<int> Prompt(string prompt) => GenerationPrompt([new Message("user", prompt)]);

    /// <summary>
    /// The template for <paramref name="tokenizer"/>: <paramref name="kind"/> when explicit, else detected from its
    /// <c>chat_template</c> text (ChatML when it writes &lt;|im_start|&gt;, Llama-3 when it writes
    /// &lt;|start_header_id|&gt;, plain when there is no template text).
    /// </summary>
    public static ChatTemplate For(ITokenizer tokenizer, ChatTemplateKind kind = ChatTemplateKind.Auto) =>
        (kind == ChatTemplateKind.Auto ? Detect(tokenizer) : kind) switch
        {
            ChatTemplateKind.ChatMl => new ChatMlTemplate(tokenizer),
            ChatTemplateKind.Llama3 => new Llama3Template(tokenizer),
            _ => new PlainTemplate(tokenizer),
        };

    /// <summary>The kind the tokenizer's <c>chat_template</c> text clearly is; throws when the text is there but unknown.</summary>
    public static ChatTemplateKind Detect(ITokenizer tokenizer)
    {
        var text = (tokenizer as IChatTemplateSource)?.ChatTemplateText;
        if (string.IsNullOrWhiteSpace(text)) return ChatTemplateKind.Plain;
        var chatMl = text.Contains(SpecialTokens.ImStart, StringComparison.Ordinal);
        var llama3 = text.Contains(SpecialTokens.StartHeader, StringComparison.Ordinal);
        if (chatMl != llama3) return chatMl ? ChatTemplateKind.ChatMl : ChatTemplateKind.Llama3;
        throw new ArgumentException(
            "the tokenizer's chat_template is neither ChatML nor Llama-3; choose the template explicitly (plain, chatml or llama3)",
            "template");
    }

    /// <summary>What comes before the first turn.</summary>
    protected virtual void Begin(MaskedIds builder) { }

    /// <summary>One message; assistant content and its end marker are scored.</summary>
    protected abstract void Turn(MaskedIds builder, Message message);

    /// <summary>The header that opens an assistant turn.</summary>
    protected abstract void AssistantHeader(MaskedIds builder);

    /// <summary>Template text with markers as single ids (not scored unless <paramref name="scored"/>).</summary>
    protected void AddTemplateText(MaskedIds builder, string text, IReadOnlyList<string> markers, bool scored = false) =>
        builder.Add(TemplateText.Encode(Tokenizer, text, markers), scored);

    /// <summary>User-supplied content: ordinary text, never markers.</summary>
    protected void AddContent(MaskedIds builder, string content, bool scored) => builder.Add(Tokenizer.Encode(content), scored);

    /// <summary>The id of a marker the template needs; a clear error when the tokenizer lacks it.</summary>
    protected int RequireMarker(string marker) => Tokenizer.TokenToId(marker) ?? throw new ArgumentException(
        $"the {Kind} template needs the token {marker}, which this tokenizer does not have; choose another template", "template");

    /// <summary>Whether <paramref name="message"/> is scored.</summary>
    protected static bool IsAssistant(Message message) => string.Equals(message.Role, "assistant", StringComparison.Ordinal);
}
