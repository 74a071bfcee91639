namespace PrefSharp.Torch.Tokenization;

/// <summary>Which conversation layout <see cref="ChatTemplate.For"/> builds.</summary>
public enum ChatTemplateKind
{
    /// <summary>From the tokenizer's <c>chat_template</c> text: ChatML or Llama-3 when it clearly is one, plain when there is none.</summary>
    Auto,

    /// <summary>No markers: prompt, then completion, then EOS.</summary>
    Plain,

    /// <summary><c>&lt;|im_start|&gt;role\ncontent&lt;|im_end|&gt;\n</c>.</summary>
    ChatMl,

    /// <summary><c>&lt;|begin_of_text|&gt;&lt;|start_header_id|&gt;role&lt;|end_header_id|&gt;\n\ncontent&lt;|eot_id|&gt;</c>.</summary>
    Llama3,
}
