using System.Text.Json;
using System.Text.RegularExpressions;
using PrefSharp.Torch.Tokenization.Unicode;

namespace PrefSharp.Torch.Tokenization;

/// <summary>
/// Reads a Hugging Face <c>tokenizer.json</c> with a BPE model: <c>model.vocab</c>, <c>model.merges</c> (the "a b"
/// strings of older files or the ["a", "b"] pairs of newer ones), <c>unk_token</c>, <c>byte_fallback</c>,
/// <c>ignore_merges</c>, <c>added_tokens</c>, and the normalizer / pre-tokenizer steps of byte-level and
/// SentencePiece-style tokenizers (<see cref="TextPipeline"/>). Anything else is refused with the field named.
/// </summary>
public static class TokenizerJsonReader
{
    /// <summary>The file name.</summary>
    public const string FileName = "tokenizer.json";

    /// <summary>What the file holds, ready for <see cref="HuggingFaceTokenizer"/>.</summary>
    internal sealed record Parts(Dictionary<string, int> Vocabulary, List<(string, string)> Merges, List<AddedToken> Added,
        TextPipeline Pipeline, string? UnknownToken, bool ByteFallback, bool IgnoreMerges);

    /// <summary>Loads <paramref name="path"/> and the <c>tokenizer_config.json</c> beside it when there is one.</summary>
    public static HuggingFaceTokenizer Load(string path)
    {
        var config = TokenizerConfig.Load(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, TokenizerConfig.FileName));
        return Parse(File.ReadAllText(path), config, path);
    }

    /// <summary>Parses the text of a <c>tokenizer.json</c>; <paramref name="source"/> names it in errors.</summary>
    public static HuggingFaceTokenizer Parse(string json, TokenizerConfig config, string source = FileName)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (!root.TryGetProperty("model", out var model) || model.ValueKind != JsonValueKind.Object)
                throw new InvalidDataException($"{source}: no \"model\" object");
            var type = model.TryGetProperty("type", out var t) ? t.GetString() : "BPE";
            if (type != "BPE") throw new InvalidDataException($"{source}: model.type \"{type}\" is not supported (expected BPE)");
            var vocabulary = model.GetProperty("vocab").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
            var merges = model.TryGetProperty("merges", out var m) ? m.EnumerateArray().Select((e, i) => Merge(e, i, source)).ToList() : [];
            var added = root.TryGetProperty("added_tokens", out var a) && a.ValueKind == JsonValueKind.Array
                ? a.EnumerateArray().Select(e => new AddedToken(e.GetProperty("id").GetInt32(), e.GetProperty("content").GetString()!,
                    e.TryGetProperty("special", out var s) && s.ValueKind == JsonValueKind.True)).ToList()
                : [];
            var pipeline = new TextPipeline();
            if (root.TryGetProperty("normalizer", out var normalizer)) AddNormalizer(pipeline, normalizer, source);
            if (root.TryGetProperty("pre_tokenizer", out var preTokenizer)) AddPreTokenizer(pipeline, preTokenizer, source);
            var parts = new Parts(vocabulary, merges, added, pipeline, OptionalString(model, "unk_token"),
                Flag(model, "byte_fallback"), Flag(model, "ignore_merges"));
            return new HuggingFaceTokenizer(parts, WithDefaults(config, added));
        }
        catch (Exception problem) when (problem is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{source}: {problem.Message}", problem);
        }
    }

    private static (string, string) Merge(JsonElement entry, int index, string source)
    {
        if (entry.ValueKind == JsonValueKind.Array && entry.GetArrayLength() == 2)
            return (entry[0].GetString()!, entry[1].GetString()!);
        var text = entry.ValueKind == JsonValueKind.String ? entry.GetString()! : "";
        var space = text.IndexOf(' ', 1);  // the first space after the first character: "Ġ t" → ("Ġ", "t")
        if (space <= 0 || space == text.Length - 1)
            throw new InvalidDataException($"{source}: model.merges[{index}] must be \"left right\" or [\"left\", \"right\"], found {entry.GetRawText()}");
        return (text[..space], text[(space + 1)..]);
    }

    private static void AddNormalizer(TextPipeline pipeline, JsonElement step, string source)
    {
        if (step.ValueKind == JsonValueKind.Null) return;
        switch (step.GetProperty("type").GetString())
        {
            case "Sequence":
                foreach (var inner in step.GetProperty("normalizers").EnumerateArray()) AddNormalizer(pipeline, inner, source);
                break;
            case "Prepend":
                var prefix = step.GetProperty("prepend").GetString()!;
                pipeline.AddNormalizer(text => prefix + text, prependsMetaspace: prefix == TextPipeline.Metaspace.ToString());
                break;
            case "Replace":
                var pattern = step.GetProperty("pattern");
                var content = step.GetProperty("content").GetString()!;
                if (pattern.TryGetProperty("String", out var literal)) { var from = literal.GetString()!; pipeline.AddNormalizer(text => text.Replace(from, content)); }
                else { var regex = new Regex(pattern.GetProperty("Regex").GetString()!); pipeline.AddNormalizer(text => regex.Replace(text, content)); }
                break;
            case "NFC": pipeline.AddNormalizer(UnicodeNormalizer.Nfc); break;
            case "NFKC": pipeline.AddNormalizer(UnicodeNormalizer.Nfkc); break;
            case var other: throw new InvalidDataException($"{source}: normalizer type \"{other}\" is not supported (Sequence, Prepend, Replace, NFC, NFKC)");
        }
    }

    private static void AddPreTokenizer(TextPipeline pipeline, JsonElement step, string source)
    {
        if (step.ValueKind == JsonValueKind.Null) return;
        switch (step.GetProperty("type").GetString())
        {
            case "Sequence":
                foreach (var inner in step.GetProperty("pretokenizers").EnumerateArray()) AddPreTokenizer(pipeline, inner, source);
                break;
            case "ByteLevel":
                pipeline.AddByteLevel(Flag(step, "add_prefix_space"), !step.TryGetProperty("use_regex", out var r) || r.ValueKind != JsonValueKind.False);
                break;
            case "Metaspace":
                var scheme = OptionalString(step, "prepend_scheme") ?? (step.TryGetProperty("add_prefix_space", out var p) && p.ValueKind == JsonValueKind.False ? "never" : "always");
                pipeline.AddMetaspace(scheme, !step.TryGetProperty("split", out var split) || split.ValueKind != JsonValueKind.False);
                break;
            case "Split":
                var behavior = OptionalString(step, "behavior");
                if (behavior is not (null or "Isolated") || Flag(step, "invert"))
                    throw new InvalidDataException($"{source}: pre_tokenizer Split with behavior \"{behavior}\"/invert is not supported (Isolated only)");
                var pattern = step.GetProperty("pattern");
                pipeline.AddSplit(new Regex(pattern.TryGetProperty("Regex", out var regex) ? regex.GetString()! : Regex.Escape(pattern.GetProperty("String").GetString()!),
                    RegexOptions.Compiled | RegexOptions.CultureInvariant));
                break;
            case var other: throw new InvalidDataException($"{source}: pre_tokenizer type \"{other}\" is not supported (Sequence, ByteLevel, Metaspace, Split)");
        }
    }

    /// <summary>Without a <c>tokenizer_config.json</c>, the usual names: &lt;|endoftext|&gt; (GPT-2) or &lt;/s&gt; and &lt;s&gt; (SentencePiece).</summary>
    private static TokenizerConfig WithDefaults(TokenizerConfig config, List<AddedToken> added)
    {
        string? Known(params string[] names) => names.FirstOrDefault(n => added.Any(a => a.Content == n));
        return config with
        {
            EosToken = config.EosToken ?? Known(SpecialTokens.EndOfText, "</s>"),
            BosToken = config.BosToken ?? Known("<s>"),
        };
    }

    private static bool Flag(JsonElement element, string name) => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
