namespace PrefSharp.Torch.Tokenization;

/// <summary>
/// Text ↔ token ids. Every tokenizer PrefSharp uses (a Hugging Face <c>tokenizer.json</c>, the byte-level tokenizer,
/// a BPE vocabulary trained here) answers to this, so trainers, generation and the gym never depend on which one.
/// </summary>
public interface ITokenizer
{
    /// <summary>Number of ids, special tokens included; an embedding table needs this many rows.</summary>
    int VocabularySize { get; }

    /// <summary>
    /// Ids of <paramref name="text"/>; special tokens are never added here (templates add them). A special token written
    /// in the text ("&lt;|im_end|&gt;") is plain text and never its special id: this is PrefSharp's one default wherever
    /// user text is encoded (data, prompts, completions, <c>tokenizer encode</c> without <c>--special</c>), so content
    /// cannot end a turn or forge a role. Hugging Face's default recognises them instead; template markers go through
    /// <see cref="TemplateText"/>, which does.
    /// </summary>
    IReadOnlyList<int> Encode(string text);

    /// <summary>The text of <paramref name="ids"/>; special tokens are dropped when <paramref name="skipSpecialTokens"/>.</summary>
    string Decode(IEnumerable<int> ids, bool skipSpecialTokens = true);

    /// <summary>End-of-sequence id, or null when the vocabulary has none.</summary>
    int? EosId { get; }

    /// <summary>Padding id, or null when the vocabulary has none (callers then pad with <see cref="EosId"/>).</summary>
    int? PadId { get; }

    /// <summary>Beginning-of-sequence id, or null when the vocabulary has none.</summary>
    int? BosId { get; }

    /// <summary>The id of a whole token string (a special token such as <c>&lt;|im_end|&gt;</c>), or null.</summary>
    int? TokenToId(string token);
}
