namespace PrefSharp.Torch.Tokenization;

/// <summary>
/// Jinja <c>chat_template</c> texts PrefSharp writes into the <c>tokenizer_config.json</c> it saves, so that
/// transformers' <c>apply_chat_template</c> renders the same tokens as <see cref="ChatTemplate"/>.
/// </summary>
public static class ChatTemplateTexts
{
    /// <summary>ChatML: <c>&lt;|im_start|&gt;role\ncontent&lt;|im_end|&gt;\n</c> per message.</summary>
    public const string ChatMl =
        "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}" +
        "{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

    /// <summary>Llama-3: <c>&lt;|begin_of_text|&gt;</c>, then a header, a blank line, the content and <c>&lt;|eot_id|&gt;</c> per message.</summary>
    public const string Llama3 =
        "{{ '<|begin_of_text|>' }}{% for message in messages %}{{ '<|start_header_id|>' + message['role'] + '<|end_header_id|>\\n\\n'" +
        " + message['content'] + '<|eot_id|>' }}{% endfor %}{% if add_generation_prompt %}" +
        "{{ '<|start_header_id|>assistant<|end_header_id|>\\n\\n' }}{% endif %}";
}
