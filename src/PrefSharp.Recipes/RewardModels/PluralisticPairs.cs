using PrefSharp.Core.Data;
using PrefSharp.Torch.Rewards.Pluralistic;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Training.Reward.Pluralistic;

namespace PrefSharp.Recipes.RewardModels;

/// <summary>Preference pairs as <see cref="UserPair"/>s: tokenized, with the row of their annotator in a head's user table.</summary>
public static class PluralisticPairs
{
    /// <summary>The distinct annotator ids of <paramref name="pairs"/>, ordinal order; every pair must name one.</summary>
    public static List<string> Users(IReadOnlyList<PreferencePair> pairs)
    {
        if (pairs.FirstOrDefault(p => string.IsNullOrEmpty(p.AnnotatorId)) is { } anonymous)
            throw new DataFormatException(anonymous.Location, "annotator", "a personalised head learns one mixture per annotator, and this pair names none",
                "an annotator id on every pair (gym annotate writes them)");
        return pairs.Select(p => p.AnnotatorId!).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Encodes <paramref name="pairs"/> for <paramref name="head"/> (unknown annotators get row −1).</summary>
    public static List<UserPair> Encode(ITokenizer tokenizer, PluralisticHead head, IReadOnlyList<PreferencePair> pairs, int maxLength) =>
        pairs.Select(p => new UserPair(new(RewardPairs.Encode(tokenizer, p.Prompt, p.Chosen, maxLength),
            RewardPairs.Encode(tokenizer, p.Prompt, p.Rejected, maxLength)), head.UserIndex(p.AnnotatorId))).ToList();
}
