using System.Text.Json.Nodes;
using PrefSharp.Torch.Tokenization;

namespace PrefSharp.Torch.Tests.Tokenization;

/// <summary>Llama-3 / Qwen layout: a Split pre-tokenizer with its own pattern, then ByteLevel without the GPT-2 regex; ignore_merges.</summary>
public sealed class SplitPreTokenizerTests
{
    /// <summary>The tiny GPT-2 file plus "Ġworld" = 265 (no merge path reaches it) and the merge "3 4" → "34" = 266.</summary>
    private static HuggingFaceTokenizer Load(bool llama3Split, bool ignoreMerges)
    {
        var root = JsonNode.Parse(TinyTokenizers.Gpt2Json())!;
        var model = root["model"]!;
        model["vocab"]!["Ġworld"] = 265;
        model["vocab"]!["34"] = 266;
        model["merges"]!.AsArray().Add("3 4");
        model["ignore_merges"] = ignoreMerges;
        if (llama3Split)
        {
            root["pre_tokenizer"] = JsonNode.Parse("""
                {"type": "Sequence", "pretokenizers": [
                  {"type": "Split", "pattern": {"Regex": "\\p{N}{1,3}| ?\\p{L}+|\\s+|[^\\s\\p{L}\\p{N}]+"}, "behavior": "Isolated", "invert": false},
                  {"type": "ByteLevel", "add_prefix_space": false, "trim_offsets": true, "use_regex": false}]}
                """);
        }
        return (HuggingFaceTokenizer)TokenizerFiles.Load(TinyTokenizers.WriteDirectory(root.ToJsonString()));
    }

    [Fact]
    public void DigitsSplitInThreesKeepAMergeFromCrossingTheGroups()
    {
        // GPT-2 pattern: "12345" is one word → 1 2 34 5 = 49 50 266 53.
        Assert.Equal([49, 50, 266, 53], Load(llama3Split: false, ignoreMerges: false).Encode("12345"));
        // \p{N}{1,3}: words "123" and "45" → the "3 4" rule never sees its pair: 49 50 51 52 53.
        Assert.Equal([49, 50, 51, 52, 53], Load(llama3Split: true, ignoreMerges: false).Encode("12345"));
    }

    [Fact]
    public void IgnoreMergesTakesAWholeWordFromTheVocabulary()
    {
        // Without ignore_merges "Ġworld" is reached only through the rules: Ġw o r l d = 259 111 114 108 100.
        Assert.Equal([260, 259, 111, 114, 108, 100], Load(llama3Split: true, ignoreMerges: false).Encode("hello world"));
        // With it, a word that is a vocabulary entry is that one id.
        Assert.Equal([260, 265], Load(llama3Split: true, ignoreMerges: true).Encode("hello world"));
        Assert.Equal("hello world", Load(llama3Split: true, ignoreMerges: true).Decode([260, 265]));
    }
}
