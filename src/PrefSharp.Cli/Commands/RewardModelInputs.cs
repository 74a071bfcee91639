using PrefSharp.Core.Data;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Batches;

namespace PrefSharp.Cli.Commands;

/// <summary>Turns preference records into the tokenized sequences a reward model scores (see <see cref="RewardInputs"/>).</summary>
internal static class RewardModelInputs
{
    /// <summary>Tokenizer files a reward-model folder carries beside its weights.</summary>
    /// <summary>The tokenizer saved beside a model (<c>tokenizer.json</c> or PrefSharp's byte-level marker).</summary>
    public static ITokenizer LoadTokenizer(string modelDirectory) => TokenizerFiles.Load(modelDirectory);

    /// <summary>
    /// Preference pairs of a data file: pairs as read, and battles that carry both texts oriented by their outcome
    /// (<see cref="RecordConversions.ToPreferencePair"/>; a battle whose two texts are identical is left out).
    /// </summary>
    public static List<PreferencePair> ReadPairs(string path, ReadOptions options) =>
        PreferenceFileReader.ReadAll(path, options).Select(record => record switch
        {
            PreferencePair pair => pair,
            Battle { TextA: { } a, TextB: { } b } battle when !a.Equals(b) && !a.IsEmpty && !b.IsEmpty => battle.ToPreferencePair(),
            _ => null,
        }).OfType<PreferencePair>().ToList();

    /// <summary>Prompt followed by completion; conversations go through the tokenizer's chat template.</summary>
    public static TokenizedSequence Encode(ITokenizer tokenizer, Passage prompt, Passage completion, int maxLength) =>
        RewardInputs.Encode(tokenizer, prompt, completion, maxLength);
}
