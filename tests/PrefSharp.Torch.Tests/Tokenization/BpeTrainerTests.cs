using System.Text;
using PrefSharp.Torch.Tokenization;

namespace PrefSharp.Torch.Tests.Tokenization;

public sealed class BpeTrainerTests
{
    private static readonly BpeTrainerOptions OneSpecial = new() { SpecialTokens = [SpecialTokens.EndOfText], MinFrequency = 1 };

    [Fact]
    public void GoldenMergesOnATinyCorpus()
    {
        // "aaab aab ab" → words aaab, Ġaab, Ġab (once each). Pair counts: (a,a) 3 [2 in aaab, 1 in Ġaab], (a,b) 3, (Ġ,a) 2.
        // 1. tie (a,a) = (a,b) at 3 → ordinal (a,a) first → aa. Words: [aa a b], [Ġ aa b], [Ġ a b].
        // 2. (a,b) = 2 [aaab, Ġab], all others 1 → ab. Words: [aa ab], [Ġ aa b], [Ġ ab].
        // 3. all pairs 1: (aa,ab), (aa,b), (Ġ,aa), (Ġ,ab); "aa" < "Ġ" and "ab" < "b" → aaab.
        // 4. left (aa,b), (Ġ,aa), (Ġ,ab) → aab. Vocabulary 256 + 4 + 1 special = 261.
        var trained = BpeTrainer.Train(["aaab aab ab"], OneSpecial with { VocabularySize = 261 });
        Assert.Equal([("a", "a"), ("a", "b"), ("aa", "ab"), ("aa", "b")], trained.Merges);
        Assert.Equal(261, trained.VocabularySize);
        var tokenizer = trained.ToTokenizer();
        // aa = 256, ab = 257, aaab = 258, aab = 259, <|endoftext|> = 260. " aab" → Ġ a a b → Ġ aa b → Ġ aab = 32 259.
        Assert.Equal([258, 32, 259], tokenizer.Encode("aaab aab"));
        Assert.Equal(260, tokenizer.EosId);
        Assert.Equal(260, tokenizer.PadId);
    }

    [Fact]
    public void MinFrequencyStopsEarly()
    {
        // With the default minimum of 2, only the merges of steps 1 and 2 above are made.
        var trained = BpeTrainer.Train(["aaab aab ab"], OneSpecial with { VocabularySize = 300, MinFrequency = 2 });
        Assert.Equal([("a", "a"), ("a", "b")], trained.Merges);
    }

    [Fact]
    public void RoundTripIsIdentityOnArbitraryUnicode()
    {
        var tokenizer = BpeTrainer.Train([Corpus], new BpeTrainerOptions { VocabularySize = 400 }).ToTokenizer();
        var random = new Random(11);
        int[][] ranges = [[0x20, 0x7E], [0x00, 0x1F], [0xA0, 0x24F], [0x370, 0x3FF], [0x4E00, 0x4FFF], [0x1F600, 0x1F64F], [0x300, 0x36F]];
        for (var trial = 0; trial < 200; trial++)
        {
            var text = new StringBuilder();
            for (var i = random.Next(0, 40); i > 0; i--)
            {
                var range = ranges[random.Next(ranges.Length)];
                text.Append(char.ConvertFromUtf32(random.Next(range[0], range[1] + 1)));
            }
            var value = text.ToString();
            Assert.Equal(value, tokenizer.Decode(tokenizer.Encode(value)));
        }
        Assert.Equal("<|im_end|> 日本 😀\r\n", tokenizer.Decode(tokenizer.Encode("<|im_end|> 日本 😀\r\n")));
    }

    [Fact]
    public void TrainedVocabularyCompressesTheTrainingText()
    {
        var trained = BpeTrainer.Train([Corpus], new BpeTrainerOptions { VocabularySize = 512 });
        var tokenizer = trained.ToTokenizer();
        var bytes = Encoding.UTF8.GetByteCount(Corpus);
        var tokens = tokenizer.Encode(Corpus).Count;
        // Measured 5.58 bytes per token (10,940 bytes → 1,961 tokens, 352 ids); the bound 4 is far above 1 (no merges).
        Assert.True(bytes / (double)tokens > 4.0, $"{bytes} bytes / {tokens} tokens = {bytes / (double)tokens:F2}");
        // The corpus has 24 distinct words: training stops once each " word" is one token, below the 512 asked for.
        Assert.True(trained.VocabularySize < 512);
        Assert.Single(tokenizer.Encode(" annotators"));
        Assert.Single(tokenizer.Encode(" responses"));
    }

    [Fact]
    public void SavedFilesLoadBackIdentically()
    {
        var trained = BpeTrainer.Train([Corpus], new BpeTrainerOptions { VocabularySize = 300 });
        var directory = Directory.CreateTempSubdirectory("prefsharp-bpe-").FullName;
        trained.Save(directory);
        var loaded = TokenizerFiles.Load(directory);
        var sample = "the quick brown fox 🦊 jumps";
        Assert.Equal(trained.ToTokenizer().Encode(sample), loaded.Encode(sample));
        Assert.Equal(ChatTemplateKind.ChatMl, ChatTemplate.Detect(loaded));
        Assert.Equal(299, loaded.TokenToId(SpecialTokens.ImEnd));
    }

    [Fact]
    public void VocabularySmallerThanTheBytesIsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => BpeTrainer.Train(["x"], new BpeTrainerOptions { VocabularySize = 100 }));
        Assert.Contains("vocab-size", error.Message);
    }

    /// <summary>About 10 kB of English-like sentences from a fixed word list (seeded).</summary>
    internal static readonly string Corpus = BuildCorpus();

    private static string BuildCorpus()
    {
        string[] words = ["the", "model", "prefers", "answer", "which", "is", "more", "helpful", "and", "honest", "than", "other",
            "annotators", "compare", "two", "responses", "to", "same", "prompt", "reward", "learns", "from", "these", "pairs"];
        var random = new Random(5);
        var text = new StringBuilder();
        for (var sentence = 0; sentence < 220; sentence++)
        {
            var length = random.Next(5, 12);
            for (var i = 0; i < length; i++) text.Append(i == 0 ? "" : " ").Append(words[random.Next(words.Length)]);
            text.Append(". ");
        }
        return text.ToString();
    }
}
