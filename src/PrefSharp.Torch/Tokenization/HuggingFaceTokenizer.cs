using System.Collections.Concurrent;
using System.Text;

namespace PrefSharp.Torch.Tokenization;

/// <summary>
/// A BPE tokenizer read from a Hugging Face <c>tokenizer.json</c> (see <see cref="TokenizerJsonReader"/>): byte-level
/// (GPT-2, Llama-3, Qwen) or SentencePiece-style with byte fallback (Llama-2, Mistral).
/// <para>
/// Added tokens: <see cref="Encode"/> recognises the non-special added tokens (extra words a fine-tune added) but
/// never the special ones, so a user text containing "&lt;|im_end|&gt;" is encoded as ordinary text and cannot end a
/// turn or inject a role. <see cref="EncodeWithSpecialTokens"/> recognises all of them, as template text needs.
/// This differs from transformers' default (which splits special tokens out of any text).
/// </para>
/// </summary>
public sealed partial class HuggingFaceTokenizer : ITokenizer, IChatTemplateSource
{
    private readonly Dictionary<string, int> vocabulary;
    private readonly Dictionary<int, string> idToToken;
    private readonly BpeMerges merges;
    private readonly TextPipeline pipeline;
    private readonly Dictionary<string, AddedToken> addedByContent;
    private readonly Dictionary<int, AddedToken> addedById;
    private readonly string? unknownToken;
    private readonly bool byteFallback;
    private readonly bool ignoreMerges;
    private readonly List<AddedToken> addedLongestFirst;
    private readonly List<AddedToken> plainAddedLongestFirst;
    private readonly HashSet<char> addedFirstChars;

    /// <summary>Most words whose ids are remembered (merging is the costly part; words repeat).</summary>
    private const int MaxCachedWords = 100_000;

    private readonly ConcurrentDictionary<string, int[]> wordCache = new(StringComparer.Ordinal);

    internal HuggingFaceTokenizer(TokenizerJsonReader.Parts parts, TokenizerConfig config)
    {
        vocabulary = parts.Vocabulary;
        merges = new BpeMerges(parts.Merges);
        pipeline = parts.Pipeline;
        unknownToken = parts.UnknownToken;
        byteFallback = parts.ByteFallback;
        ignoreMerges = parts.IgnoreMerges;
        Added = parts.Added;
        addedByContent = parts.Added.GroupBy(a => a.Content).ToDictionary(g => g.Key, g => g.Last());
        addedById = parts.Added.GroupBy(a => a.Id).ToDictionary(g => g.Key, g => g.Last());
        addedLongestFirst = [.. parts.Added.Where(a => a.Content.Length > 0).OrderByDescending(a => a.Content.Length)];
        plainAddedLongestFirst = [.. addedLongestFirst.Where(a => !a.Special)];
        addedFirstChars = [.. addedLongestFirst.Select(a => a.Content[0])];
        idToToken = new Dictionary<int, string>();
        foreach (var (token, id) in vocabulary) idToToken.TryAdd(id, token);
        foreach (var added in parts.Added) idToToken[added.Id] = added.Content;
        VocabularySize = idToToken.Count == 0 ? 0 : idToToken.Keys.Max() + 1;
        EosId = Resolve(config.EosToken, "eos_token");
        BosId = Resolve(config.BosToken, "bos_token");
        PadId = Resolve(config.PadToken, "pad_token");
        AddBosToken = config.AddBosToken && BosId is not null;
        ChatTemplateText = config.ChatTemplate;
    }

    /// <summary>The <c>added_tokens</c> entries.</summary>
    public IReadOnlyList<AddedToken> Added { get; }

    /// <summary>Whether words are byte-level (GPT-2 style) rather than SentencePiece-style.</summary>
    public bool IsByteLevel => pipeline.ByteLevel;

    public int VocabularySize { get; }

    public int? EosId { get; }

    public int? PadId { get; }

    public int? BosId { get; }

    public bool AddBosToken { get; }

    public string? ChatTemplateText { get; }

    public int? TokenToId(string token) =>
        addedByContent.TryGetValue(token, out var added) ? added.Id : vocabulary.TryGetValue(token, out var id) ? id : null;

    /// <summary>The vocabulary string of <paramref name="id"/> (byte-level strings use <see cref="ByteUnicodeMap"/> characters).</summary>
    public string IdToToken(int id) => idToToken.TryGetValue(id, out var token) ? token
        : throw new ArgumentException($"token id {id} is not in the vocabulary (size {VocabularySize})", nameof(id));

    public string Decode(IEnumerable<int> ids, bool skipSpecialTokens = true)
    {
        var text = new StringBuilder();
        var bytes = new List<byte>();
        foreach (var id in ids)
        {
            if (addedById.TryGetValue(id, out var added))
            {
                if (added.Special && skipSpecialTokens) continue;
                Flush(bytes, text);
                text.Append(added.Content);
                continue;
            }
            var token = IdToToken(id);
            if (byteFallback && TryParseByteToken(token, out var value)) bytes.Add(value);
            else pipeline.AppendBytes(token, bytes);
        }
        Flush(bytes, text);
        return pipeline.StripsLeadingSpace && text.Length > 0 && text[0] == ' ' ? text.ToString(1, text.Length - 1) : text.ToString();
    }

    private static void Flush(List<byte> bytes, StringBuilder text)
    {
        if (bytes.Count == 0) return;
        text.Append(Encoding.UTF8.GetString(bytes.ToArray()));
        bytes.Clear();
    }

    /// <summary>SentencePiece byte-fallback tokens are spelled <c>&lt;0xNN&gt;</c> with two upper-case hex digits.</summary>
    internal static bool TryParseByteToken(string token, out byte value)
    {
        value = 0;
        return token.Length == 6 && token.StartsWith("<0x", StringComparison.Ordinal) && token[5] == '>'
            && byte.TryParse(token.AsSpan(3, 2), System.Globalization.NumberStyles.HexNumber, null, out value);
    }

    private int? Resolve(string? token, string field)
    {
        if (token is null) return null;
        return TokenToId(token) ?? throw new InvalidDataException(
            $"tokenizer_config.json: {field} \"{token}\" is not a token of tokenizer.json");
    }
}
