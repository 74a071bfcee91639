namespace PrefSharp.Torch.Tokenization;

/// <summary>
/// What a tokenizer's files say about templates: the Jinja <c>chat_template</c> text of <c>tokenizer_config.json</c>
/// (only compared with known templates, never executed) and whether a BOS token starts every text.
/// </summary>
public interface IChatTemplateSource
{
    /// <summary>The <c>chat_template</c> text, or null.</summary>
    string? ChatTemplateText { get; }

    /// <summary>Whether a plain prompt starts with the BOS token (<c>add_bos_token</c>, as Llama sets).</summary>
    bool AddBosToken { get; }
}
