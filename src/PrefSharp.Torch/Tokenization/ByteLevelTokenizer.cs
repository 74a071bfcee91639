using System.Text;

namespace PrefSharp.Torch.Tokenization;

/// <summary>
/// The simplest tokenizer, for models trained from scratch: ids 0..255 are the UTF-8 bytes of the text, and the
/// special tokens follow, <c>&lt;|endoftext|&gt;</c> (id 256, EOS and padding) first and then any chat markers asked for.
/// <see cref="Encode"/> never produces a special id: a user text that contains "&lt;|im_end|&gt;" is encoded as its
/// bytes, so it cannot end a turn. Decoding invalid UTF-8 (a byte sequence cut in the middle of a character) gives
/// U+FFFD, as Python's <c>errors="replace"</c> does.
/// </summary>
public sealed class ByteLevelTokenizer : ITokenizer, IChatTemplateSource
{
    /// <summary>Number of byte ids.</summary>
    public const int ByteCount = 256;

    private readonly Dictionary<string, int> specialIds;

    /// <param name="extraSpecialTokens">Special tokens after <c>&lt;|endoftext|&gt;</c>, e.g. <see cref="SpecialTokens.ChatMl"/>.</param>
    public ByteLevelTokenizer(IEnumerable<string>? extraSpecialTokens = null)
    {
        Special = [SpecialTokens.EndOfText, .. (extraSpecialTokens ?? []).Where(t => t != SpecialTokens.EndOfText).Distinct()];
        if (Special.Any(string.IsNullOrEmpty)) throw new ArgumentException("special tokens must be non-empty", nameof(extraSpecialTokens));
        specialIds = Special.Select((token, index) => (token, index)).ToDictionary(p => p.token, p => ByteCount + p.index);
    }

    /// <summary>A byte-level tokenizer with the ChatML markers (ids 257 and 258).</summary>
    public static ByteLevelTokenizer WithChatMl() => new(SpecialTokens.ChatMl);

    /// <summary>The special tokens in id order, starting at id 256.</summary>
    public IReadOnlyList<string> Special { get; }

    public int VocabularySize => ByteCount + Special.Count;

    public int? EosId => ByteCount;

    public int? PadId => ByteCount;

    public int? BosId => null;

    /// <summary>Never: there is no beginning-of-sequence token.</summary>
    public bool AddBosToken => false;

    /// <summary>The ChatML template text when the markers are present, so that templates pick ChatML.</summary>
    public string? ChatTemplateText => SpecialTokens.ChatMl.All(specialIds.ContainsKey) ? ChatTemplateTexts.ChatMl : null;

    public IReadOnlyList<int> Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = Encoding.UTF8.GetBytes(text);
        var ids = new int[bytes.Length];
        for (var i = 0; i < bytes.Length; i++) ids[i] = bytes[i];
        return ids;
    }

    public string Decode(IEnumerable<int> ids, bool skipSpecialTokens = true)
    {
        var text = new StringBuilder();
        var pending = new List<byte>();
        foreach (var id in ids)
        {
            if (id is >= 0 and < ByteCount)
            {
                pending.Add((byte)id);
                continue;
            }
            if (id < 0 || id >= VocabularySize)
                throw new ArgumentException($"token id {id} is outside the vocabulary [0, {VocabularySize})", nameof(ids));
            Flush(pending, text);
            if (!skipSpecialTokens) text.Append(Special[id - ByteCount]);
        }
        Flush(pending, text);
        return text.ToString();
    }

    public int? TokenToId(string token) => specialIds.TryGetValue(token, out var id) ? id : null;

    private static void Flush(List<byte> pending, StringBuilder text)
    {
        if (pending.Count == 0) return;
        text.Append(Encoding.UTF8.GetString(pending.ToArray()));
        pending.Clear();
    }
}
