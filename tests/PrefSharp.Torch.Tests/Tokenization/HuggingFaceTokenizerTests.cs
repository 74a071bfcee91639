using PrefSharp.Torch.Tokenization;

namespace PrefSharp.Torch.Tests.Tokenization;

public sealed class HuggingFaceTokenizerTests
{
    private static HuggingFaceTokenizer Gpt2(bool arrayMerges = false) =>
        (HuggingFaceTokenizer)TokenizerFiles.Load(TinyTokenizers.WriteDirectory(TinyTokenizers.Gpt2Json(arrayMerges)));

    private static HuggingFaceTokenizer Llama(bool metaspace = false, bool arrayMerges = false) =>
        (HuggingFaceTokenizer)TokenizerFiles.Load(TinyTokenizers.WriteDirectory(
            TinyTokenizers.LlamaJson(metaspace, arrayMerges), TinyTokenizers.LlamaConfig));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Gpt2StyleMergesByRank(bool arrayMerges)
    {
        var tokenizer = Gpt2(arrayMerges);
        // "hello world" → words "hello", " world" (GPT-2 split) → "hello", "Ġworld".
        // hello: h e l l o → he (rank 0) → ll (1) → llo (2) → hello (4) = 260.
        // Ġworld: Ġw (rank 3) = 259, then o r l d = 111 114 108 100 (no rule applies).
        Assert.Equal([260, 259, 111, 114, 108, 100], tokenizer.Encode("hello world"));
        Assert.Equal("hello world", tokenizer.Decode([260, 259, 111, 114, 108, 100]));
        // "é" = UTF-8 C3 A9 → the byte characters 'Ã' and '©' at ids 195 and 169.
        Assert.Equal([195, 169], tokenizer.Encode("é"));
        Assert.Equal(265, tokenizer.VocabularySize);
        Assert.True(tokenizer.IsByteLevel);
    }

    [Fact]
    public void SpecialTokensAreSingleIdsOnlyInTemplateText()
    {
        var tokenizer = Gpt2();
        // User text: "<|im_end|>" is its bytes: "<|" "im" "_" "end" "|>" = < | i m _ e n d | >.
        Assert.Equal([60, 124, 105, 109, 95, 101, 110, 100, 124, 62], tokenizer.Encode("<|im_end|>"));
        // Template text: the marker is one id, the rest is merged as usual ("hello" = 260).
        Assert.Equal([262, 260, 263], tokenizer.EncodeWithSpecialTokens("<|im_start|>hello<|im_end|>"));
        // A non-special added token is recognised in user text too: "zzz" = 264 between "he" (256) and "!" (33).
        Assert.Equal([256, 264, 33], tokenizer.Encode("hezzz!"));
        Assert.Equal(263, tokenizer.TokenToId("<|im_end|>"));
        Assert.Equal(260, tokenizer.TokenToId("hello"));
        Assert.Null(tokenizer.TokenToId("nope"));
    }

    [Theory]
    [InlineData("NFC")]
    [InlineData("NFKC")]
    public void NormalizerComposesDecomposedAccentsWhateverTheGlobalizationMode(string form)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(TinyTokenizers.Gpt2Json())!;
        json["normalizer"] = new System.Text.Json.Nodes.JsonObject { ["type"] = form };
        var tokenizer = (HuggingFaceTokenizer)TokenizerFiles.Load(TinyTokenizers.WriteDirectory(json.ToJsonString()));
        // "e" + U+0301 composes to "é" = UTF-8 C3 A9 = ids 195, 169; uncomposed it would be 101, 204, 129.
        Assert.Equal([104, 195, 169], tokenizer.Encode("he\u0301"));
        Assert.Equal([104, 195, 169], tokenizer.Encode("h\u00e9"));
    }

    [Fact]
    public void DecodeSkipsOnlySpecialTokens()
    {
        var tokenizer = Gpt2();
        Assert.Equal("hellozzz", tokenizer.Decode([260, 261, 264]));
        Assert.Equal("hello<|endoftext|>zzz", tokenizer.Decode([260, 261, 264], skipSpecialTokens: false));
        // Without tokenizer_config.json the EOS is the <|endoftext|> added token.
        Assert.Equal(261, tokenizer.EosId);
        Assert.Null(tokenizer.BosId);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void LlamaStyleMergesByRankWithMetaspace(bool metaspace, bool arrayMerges)
    {
        var tokenizer = Llama(metaspace, arrayMerges);
        // "hi there" → "▁hi▁there" → ▁ h i ▁ t h e r e.
        // Rank 0 ▁h → [▁h i ▁ t h e r e]; rank 1 ▁hi → [▁hi ▁ t h e r e]; rank 2 he → [▁hi ▁ t he r e];
        // rank 3 ▁t → [▁hi ▁t he r e]; rank 4 ▁the → [▁hi ▁the r e]; "er" (rank 5) never applies: its 'e' went into "he".
        Assert.Equal([266, 269, 264, 263], tokenizer.Encode("hi there"));
        Assert.Equal("hi there", tokenizer.Decode([266, 269, 264, 263]));
    }

    [Fact]
    public void LlamaStyleFallsBackToBytes()
    {
        var tokenizer = Llama();
        // "hi😀" → "▁hi😀": ▁hi = 266, then 😀 (not in the vocabulary) = F0 9F 98 80 → <0xNN> = 3 + NN.
        Assert.Equal([266, 3 + 0xF0, 3 + 0x9F, 3 + 0x98, 3 + 0x80], tokenizer.Encode("hi😀"));
        Assert.Equal("hi😀", tokenizer.Decode(tokenizer.Encode("hi😀")));
        // As transformers decodes Llama-2: only a leading space of the whole text is stripped, so "<s> hi</s>".
        Assert.Equal("<s> hi</s>", tokenizer.Decode([1, 266, 2], skipSpecialTokens: false));
    }

    [Fact]
    public void ReadsEosBosAndPadFromTokenizerConfig()
    {
        var tokenizer = Llama();
        Assert.Equal(2, tokenizer.EosId);
        Assert.Equal(1, tokenizer.BosId);
        Assert.Null(tokenizer.PadId);
        Assert.True(tokenizer.AddBosToken);
        Assert.Equal(271, tokenizer.VocabularySize);
    }

    [Fact]
    public void UnknownCharacterWithoutFallbackIsAClearError()
    {
        var json = TinyTokenizers.Gpt2Json().Replace("\"pre_tokenizer\":{\"type\":\"ByteLevel\"", "\"pre_tokenizer\":{\"type\":\"Metaspace\"");
        var tokenizer = (HuggingFaceTokenizer)TokenizerFiles.Load(TinyTokenizers.WriteDirectory(json));
        var error = Assert.Throws<ArgumentException>(() => tokenizer.Encode("日"));
        Assert.Contains("not in the vocabulary", error.Message);
    }

    [Fact]
    public void UnsupportedPartsAreNamed()
    {
        var json = TinyTokenizers.Gpt2Json().Replace("\"type\":\"BPE\"", "\"type\":\"Unigram\"");
        var error = Assert.Throws<InvalidDataException>(() => TokenizerFiles.Load(TinyTokenizers.WriteDirectory(json)));
        Assert.Contains("model.type \"Unigram\"", error.Message);
        var badConfig = TinyTokenizers.WriteDirectory(TinyTokenizers.Gpt2Json(), """{"eos_token": "</s>"}""");
        Assert.Contains("eos_token \"</s>\"", Assert.Throws<InvalidDataException>(() => TokenizerFiles.Load(badConfig)).Message);
        Assert.Throws<FileNotFoundException>(() => TokenizerFiles.Load(Directory.CreateTempSubdirectory().FullName));
    }
}
