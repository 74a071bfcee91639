using System.Text.RegularExpressions;
using Microsoft.ML.Tokenizers;
using PrefSharp.Torch.Tokenization;

namespace PrefSharp.Torch.Tests.Tokenization;

/// <summary>
/// An independent implementation as reference: Microsoft.ML.Tokenizers' <see cref="BpeTokenizer"/> in byte-level
/// mode, given the vocabulary and merges PrefSharp trained, must encode every text to the same ids.
/// </summary>
public sealed class ReferenceBpeTests
{
    [Fact]
    public void TrainedVocabularyEncodesLikeMicrosoftMlTokenizers()
    {
        var trained = BpeTrainer.Train([BpeTrainerTests.Corpus], new BpeTrainerOptions { VocabularySize = 340, SpecialTokens = [SpecialTokens.EndOfText] });
        var ours = trained.ToTokenizer();
        var reference = BpeTokenizer.Create(new BpeOptions(trained.Tokens.Select((token, id) => new KeyValuePair<string, int>(token, id)))
        {
            Merges = trained.Merges.Select(m => $"{m.Left} {m.Right}"),
            ByteLevel = true,
            PreTokenizer = new RegexPreTokenizer(new Regex(PreTokenizerPatterns.Gpt2), null),
        });
        string[] texts =
        [
            BpeTrainerTests.Corpus[..2000], "the annotators compare two responses", "  leading spaces and  doubled", "Hello, World! 123 4567",
            "café naïve 日本語 😀 emoji", "tabs\tand\nnewlines\r\n", "it's they're we'll I'd", "modelmodelmodel preferspairs",
        ];
        foreach (var text in texts) Assert.Equal(reference.EncodeToIds(text), ours.Encode(text));
        // Not a vacuous agreement: 81 merges shrink the corpus sample well below one id per byte.
        Assert.True(ours.Encode(texts[0]).Count < texts[0].Length / 3);
    }
}
