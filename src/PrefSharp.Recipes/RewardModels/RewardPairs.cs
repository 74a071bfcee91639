using PrefSharp.Core.Data;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Training.Reward;

namespace PrefSharp.Recipes.RewardModels;

/// <summary>Preference records as the tokenized pairs a reward model trains and is scored on (see <see cref="RewardInputs"/>).</summary>
public static class RewardPairs
{
    /// <summary>
    /// Preference pairs of a data file: pairs as read, and battles that carry both texts oriented by their outcome
    /// (<see cref="RecordConversions.ToPreferencePair"/>; a battle whose two texts are identical is left out).
    /// </summary>
    public static List<PreferencePair> Read(string path, ReadOptions options) =>
        PreferenceFileReader.ReadAll(path, options).Select(record => record switch
        {
            PreferencePair pair => pair,
            Battle { TextA: { } a, TextB: { } b } battle when !a.Equals(b) && !a.IsEmpty && !b.IsEmpty => battle.ToPreferencePair(),
            _ => null,
        }).OfType<PreferencePair>().ToList();

    /// <summary>Prompt and both completions of each pair, for training a tokenizer.</summary>
    public static IEnumerable<string> Texts(IEnumerable<PreferencePair> pairs) =>
        pairs.SelectMany(p => new[] { p.Prompt.ToPlainText(), p.Chosen.ToPlainText(), p.Rejected.ToPlainText() });

    /// <summary>Prompt followed by completion; conversations go through the tokenizer's chat template.</summary>
    public static TokenizedSequence Encode(ITokenizer tokenizer, Passage prompt, Passage completion, int maxLength) =>
        RewardInputs.Encode(tokenizer, prompt, completion, maxLength);

    /// <summary>A pair encoded for training under <paramref name="loss"/>, its weight the label the loss reads (margin, soft label, tie).</summary>
    public static TokenizedPair Example(ITokenizer tokenizer, PreferencePair pair, RewardLossKind loss, int maxLength) => new(
        Encode(tokenizer, pair.Prompt, pair.Chosen, maxLength),
        Encode(tokenizer, pair.Prompt, pair.Rejected, maxLength),
        loss switch
        {
            RewardLossKind.Margin => pair.Margin ?? (pair.ScoreChosen - pair.ScoreRejected)
                ?? throw new ArgumentException("--loss margin needs a margin (or score_chosen and score_rejected) on every pair"),
            RewardLossKind.SoftLabel => pair.SoftLabel ?? (pair.IsTie ? 0.5 : 1.0),
            RewardLossKind.RaoKupper => pair.IsTie ? 0.5 : 1.0,
            _ => 1.0,
        });
}
