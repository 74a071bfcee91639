using PrefSharp.Torch.Generation;
using PrefSharp.Torch.Tokenization;

namespace PrefSharp.Recipes.GymRewards;

/// <summary>
/// The tokenizer of a demo's policies, chosen from the world's texts as the policy sees them (<see cref="GymText"/>):
/// a byte-level BPE (<see cref="BpeTrainer"/>, one special token <c>&lt;|endoftext|&gt;</c> = EOS = padding, so
/// <see cref="ChatTemplate.For"/> picks the plain template) when the texts have a closed word vocabulary, i.e. BPE
/// training runs out of pairs seen twice before the vocabulary cap (every word of the word worlds becomes one token, a
/// response is ~7 tokens instead of ~35 bytes); else the byte-level tokenizer, because merges inside an open set of
/// strings (digit runs of the sorting world) hide the characters the task is about. Measured on the quick demo (SFT
/// gold of the sorting world: 0.19 with a 512-id BPE whose merges are digit pairs, see docs/papers.md).
/// </summary>
public static class GymTokenizer
{
    /// <summary>The tokenizer for <paramref name="texts"/> (prompt, response) with at most <paramref name="vocabularyCap"/> BPE ids.</summary>
    public static GymTokenizerChoice Choose(IEnumerable<(string Prompt, string Response)> texts, int vocabularyCap)
    {
        var bpe = TrainBpe(texts, vocabularyCap);
        if (bpe.VocabularySize < vocabularyCap) return new GymTokenizerChoice("bpe", bpe.ToTokenizer(), bpe.Save);
        var bytes = new ByteLevelTokenizer();
        return new GymTokenizerChoice("byte-level", bytes, folder => TokenizerFiles.SaveByteLevel(bytes, folder));
    }

    /// <summary>A byte-level BPE of at most <paramref name="vocabularySize"/> ids (256 bytes included) on the texts.</summary>
    public static TrainedBpe TrainBpe(IEnumerable<(string Prompt, string Response)> texts, int vocabularySize) =>
        BpeTrainer.Train(texts.Select(t => GymText.Prompt(t.Prompt) + GymText.Completion(t.Response)), new BpeTrainerOptions
        {
            VocabularySize = vocabularySize,
            SpecialTokens = [SpecialTokens.EndOfText],
            MinFrequency = 2,
        });
}
