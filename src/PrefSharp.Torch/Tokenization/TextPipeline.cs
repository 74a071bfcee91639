using System.Text;
using System.Text.RegularExpressions;

namespace PrefSharp.Torch.Tokenization;

/// <summary>
/// The text side of a <c>tokenizer.json</c>: the normalizer and pre-tokenizer steps that turn text into the words BPE
/// merges, and how decoding undoes them. Two families are covered: byte-level (GPT-2, Llama-3, Qwen: an optional
/// regex split, then every UTF-8 byte written as a <see cref="ByteUnicodeMap"/> character) and SentencePiece-style
/// (Llama-2, Mistral: spaces become '▁', a '▁' is prepended, characters are merged and unknown characters fall back to
/// <c>&lt;0xNN&gt;</c> byte tokens).
/// </summary>
public sealed class TextPipeline
{
    /// <summary>Metaspace's replacement of the space.</summary>
    public const char Metaspace = '▁';

    private readonly List<Func<string, string>> normalizers = [];
    private readonly List<Func<string, bool, IEnumerable<string>>> splitters = [];

    /// <summary>Whether words are written in byte characters (decoding maps them back to bytes).</summary>
    public bool ByteLevel { get; private set; }

    /// <summary>Whether encoding puts a '▁' (or a space) before the text that decoding must remove.</summary>
    public bool StripsLeadingSpace { get; private set; }

    /// <summary>Whether a decoded '▁' stands for a space.</summary>
    public bool MetaspaceDecoding { get; private set; }

    /// <summary>Adds a normalizer step.</summary>
    public void AddNormalizer(Func<string, string> step, bool prependsMetaspace = false)
    {
        normalizers.Add(step);
        if (prependsMetaspace) { StripsLeadingSpace = true; MetaspaceDecoding = true; }
    }

    /// <summary>A regex split that keeps matches and the gaps between them as separate words (HF "Isolated").</summary>
    public void AddSplit(Regex pattern) => splitters.Add((word, _) => PreTokenizerPatterns.Split(pattern, word));

    /// <summary>HF ByteLevel: optional prefix space, optional GPT-2 split, then bytes as characters.</summary>
    public void AddByteLevel(bool addPrefixSpace, bool useRegex)
    {
        ByteLevel = true;
        StripsLeadingSpace |= addPrefixSpace;
        splitters.Add((word, first) =>
        {
            if (addPrefixSpace && first && !word.StartsWith(' ')) word = " " + word;
            var pieces = useRegex ? PreTokenizerPatterns.Split(PreTokenizerPatterns.Gpt2Regex, word) : [word];
            return pieces.Select(ByteUnicodeMap.Encode);
        });
    }

    /// <summary>HF Metaspace: spaces become '▁', a '▁' is prepended ("always", or "first" for the text's first word), optional split before each '▁'.</summary>
    public void AddMetaspace(string prependScheme, bool split)
    {
        MetaspaceDecoding = true;
        StripsLeadingSpace |= prependScheme != "never";
        splitters.Add((word, first) =>
        {
            word = word.Replace(' ', Metaspace);
            if ((prependScheme == "always" || prependScheme == "first" && first) && !word.StartsWith(Metaspace)) word = Metaspace + word;
            return split ? SplitBeforeMetaspace(word) : [word];
        });
    }

    /// <summary>The words of one stretch of text; <paramref name="first"/> when it starts the whole input.</summary>
    public IEnumerable<string> Words(string text, bool first)
    {
        foreach (var step in normalizers) text = step(text);
        IEnumerable<string> words = [text];
        foreach (var step in splitters)
        {
            var isFirst = first;
            words = words.SelectMany((word, index) => step(word, isFirst && index == 0)).ToList();
        }
        return words.Where(word => word.Length > 0);
    }

    /// <summary>Appends the bytes a decoded token string stands for (not used for byte-fallback tokens).</summary>
    public void AppendBytes(string token, List<byte> bytes)
    {
        if (ByteLevel && ByteUnicodeMap.TryAppendBytes(token, bytes)) return;
        bytes.AddRange(Encoding.UTF8.GetBytes(MetaspaceDecoding ? token.Replace(Metaspace, ' ') : token));
    }

    private static IEnumerable<string> SplitBeforeMetaspace(string word)
    {
        var start = 0;
        for (var i = 1; i < word.Length; i++)
        {
            if (word[i] != Metaspace) continue;
            yield return word[start..i];
            start = i;
        }
        yield return word[start..];
    }
}
