using System.Text.Json;
using PrefSharp.Torch.Tokenization;

namespace PrefSharp.Torch.Tests.Tokenization;

/// <summary>Hand-built <c>tokenizer.json</c> texts of a dozen merged tokens, in both styles, written to temp directories.</summary>
internal static class TinyTokenizers
{
    /// <summary>
    /// GPT-2 style: the 256 byte characters at id = byte value ('h' = 104, 'Ġ' = space = 32), then the merges
    /// he = 256, ll = 257, llo = 258, Ġw = 259, hello = 260, then added tokens &lt;|endoftext|&gt; = 261,
    /// &lt;|im_start|&gt; = 262, &lt;|im_end|&gt; = 263 (special) and "zzz" = 264 (not special).
    /// </summary>
    public static string Gpt2Json(bool arrayMerges = false)
    {
        var vocab = Enumerable.Range(0, 256).ToDictionary(b => ByteUnicodeMap.ToChar((byte)b).ToString(), b => b);
        string[] merged = ["he", "ll", "llo", "Ġw", "hello"];
        for (var i = 0; i < merged.Length; i++) vocab[merged[i]] = 256 + i;
        string[][] merges = [["h", "e"], ["l", "l"], ["ll", "o"], ["Ġ", "w"], ["he", "llo"]];
        return Serialize(new
        {
            version = "1.0",
            added_tokens = new object[]
            {
                Added(261, "<|endoftext|>", true), Added(262, "<|im_start|>", true), Added(263, "<|im_end|>", true), Added(264, "zzz", false),
            },
            normalizer = (object?)null,
            pre_tokenizer = new { type = "ByteLevel", add_prefix_space = false, trim_offsets = true, use_regex = true },
            decoder = new { type = "ByteLevel", add_prefix_space = true, trim_offsets = true, use_regex = true },
            model = new
            {
                type = "BPE", unk_token = (string?)null, byte_fallback = false, vocab,
                merges = arrayMerges ? (object)merges : merges.Select(m => $"{m[0]} {m[1]}").ToArray(),
            },
        });
    }

    /// <summary>
    /// Llama-2 style: &lt;unk&gt; = 0, &lt;s&gt; = 1, &lt;/s&gt; = 2, byte tokens &lt;0xNN&gt; = 3 + NN, then ▁ = 259, h = 260,
    /// i = 261, t = 262, e = 263, r = 264 and the merges ▁h = 265, ▁hi = 266, he = 267, ▁t = 268, ▁the = 269, er = 270
    /// (in that priority). Legacy form: a Prepend("▁") + Replace(" " → "▁") normalizer; newer form: a Metaspace
    /// pre-tokenizer with prepend_scheme "first".
    /// </summary>
    public static string LlamaJson(bool metaspacePreTokenizer = false, bool arrayMerges = false)
    {
        var vocab = new Dictionary<string, int> { ["<unk>"] = 0, ["<s>"] = 1, ["</s>"] = 2 };
        for (var b = 0; b < 256; b++) vocab[$"<0x{b:X2}>"] = 3 + b;
        string[] pieces = ["▁", "h", "i", "t", "e", "r", "▁h", "▁hi", "he", "▁t", "▁the", "er"];
        for (var i = 0; i < pieces.Length; i++) vocab[pieces[i]] = 259 + i;
        string[][] merges = [["▁", "h"], ["▁h", "i"], ["h", "e"], ["▁", "t"], ["▁t", "he"], ["e", "r"]];
        object? normalizer = metaspacePreTokenizer ? null : new
        {
            type = "Sequence",
            normalizers = new object[]
            {
                new { type = "Prepend", prepend = "▁" },
                new { type = "Replace", pattern = new { String = " " }, content = "▁" },
            },
        };
        object? preTokenizer = metaspacePreTokenizer ? new { type = "Metaspace", replacement = "▁", prepend_scheme = "first", split = false } : null;
        return Serialize(new
        {
            version = "1.0",
            added_tokens = new object[] { Added(0, "<unk>", true), Added(1, "<s>", true), Added(2, "</s>", true) },
            normalizer,
            pre_tokenizer = preTokenizer,
            model = new
            {
                type = "BPE", unk_token = "<unk>", byte_fallback = true, fuse_unk = true, vocab,
                merges = arrayMerges ? (object)merges : merges.Select(m => $"{m[0]} {m[1]}").ToArray(),
            },
        });
    }

    /// <summary>Llama's tokenizer_config.json: BOS added, EOS = &lt;/s&gt;, no chat template.</summary>
    public const string LlamaConfig = """{"add_bos_token": true, "bos_token": "<s>", "eos_token": {"content": "</s>", "special": true}, "pad_token": null}""";

    /// <summary>Writes the files into a new temporary directory and returns it.</summary>
    public static string WriteDirectory(string tokenizerJson, string? configJson = null)
    {
        var directory = Directory.CreateTempSubdirectory("prefsharp-tok-").FullName;
        File.WriteAllText(Path.Combine(directory, TokenizerJsonReader.FileName), tokenizerJson);
        if (configJson is not null) File.WriteAllText(Path.Combine(directory, TokenizerConfig.FileName), configJson);
        return directory;
    }

    private static object Added(int id, string content, bool special) => new { id, content, special, normalized = false };

    private static string Serialize(object value) => JsonSerializer.Serialize(value);
}
