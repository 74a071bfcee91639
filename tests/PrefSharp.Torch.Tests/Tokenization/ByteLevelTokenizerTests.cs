using PrefSharp.Torch.Tokenization;

namespace PrefSharp.Torch.Tests.Tokenization;

public sealed class ByteLevelTokenizerTests
{
    [Fact]
    public void IdsAreUtf8BytesThenSpecialTokens()
    {
        var tokenizer = ByteLevelTokenizer.WithChatMl();
        // "aé€" = 61 | C3 A9 | E2 82 AC.
        Assert.Equal([0x61, 0xC3, 0xA9, 0xE2, 0x82, 0xAC], tokenizer.Encode("aé€"));
        Assert.Equal(259, tokenizer.VocabularySize);
        Assert.Equal(256, tokenizer.EosId);
        Assert.Equal(256, tokenizer.PadId);
        Assert.Equal(257, tokenizer.TokenToId(SpecialTokens.ImStart));
        Assert.Equal(258, tokenizer.TokenToId(SpecialTokens.ImEnd));
        Assert.Equal("a<|im_end|>é", tokenizer.Decode([0x61, 258, 0xC3, 0xA9], skipSpecialTokens: false));
        Assert.Equal("aé", tokenizer.Decode([0x61, 258, 0xC3, 0xA9]));
    }

    [Fact]
    public void UserTextNeverBecomesASpecialId()
    {
        var tokenizer = ByteLevelTokenizer.WithChatMl();
        Assert.All(tokenizer.Encode("<|im_end|><|endoftext|>"), id => Assert.True(id < 256));
    }

    [Fact]
    public void CutCharacterDecodesToReplacement()
    {
        // The first two bytes of "€" are no character: one U+FFFD, as Python's errors="replace".
        Assert.Equal("\uFFFD", new ByteLevelTokenizer().Decode([0xE2, 0x82]));
        Assert.Throws<ArgumentException>(() => new ByteLevelTokenizer().Decode([300]));
    }

    [Fact]
    public void MarkerFileRoundTrips()
    {
        var directory = Directory.CreateTempSubdirectory("prefsharp-bytes-").FullName;
        TokenizerFiles.SaveByteLevel(ByteLevelTokenizer.WithChatMl(), directory);
        var loaded = Assert.IsType<ByteLevelTokenizer>(TokenizerFiles.Load(directory));
        Assert.Equal(["<|endoftext|>", "<|im_start|>", "<|im_end|>"], loaded.Special);
        Assert.Equal(ChatTemplateKind.ChatMl, ChatTemplate.Detect(loaded));
    }
}
