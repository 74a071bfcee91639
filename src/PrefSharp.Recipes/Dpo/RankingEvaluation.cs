using PrefSharp.Core.Data;
using PrefSharp.Core.Metrics;
using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Training.Dpo;

namespace PrefSharp.Recipes.Dpo;

/// <summary>
/// A <see cref="RankingReport"/> from a policy, its reference and the pairs: one pass of each model for the
/// per-sequence log-probs, then <see cref="RankingAccuracy"/> and <see cref="PairwiseAccuracy"/> in plain double.
/// </summary>
public static class RankingEvaluation
{
    /// <summary>The non-tie pairs of <paramref name="records"/>, encoded as <see cref="PairEncoding"/> does, with each one's preference probability (null: hard label).</summary>
    public static (EncodedPairs Encoded, List<double?> Preferences) Encode(IReadOnlyList<PreferenceRecord> records, ITokenizer tokenizer,
        ChatTemplateKind template, int maxLength, Func<PreferencePair, double?>? value = null)
    {
        var encoded = PairEncoding.EncodeAll(records, tokenizer, template, maxLength, value);
        var preferences = records.OfType<PreferencePair>().Where(p => !p.IsTie).Select(p => p.SoftLabel).ToList();
        return (encoded, preferences);
    }

    /// <summary>Evaluates <paramref name="policy"/> against <paramref name="reference"/> on <paramref name="pairs"/>.</summary>
    public static RankingReport Run(ICausalLM policy, ICausalLM reference, IReadOnlyList<TokenizedPair> pairs, IReadOnlyList<double?> preferences,
        int padId, int batchSize, double beta)
    {
        if (pairs.Count == 0) throw new ArgumentException("no pairs to rank", nameof(pairs));
        var (chosen, rejected) = PairColumns.LogProbs(policy, pairs, padId, batchSize);
        var (referenceChosen, referenceRejected) = PairColumns.LogProbs(reference, pairs, padId, batchSize);
        var chosenRewards = chosen.Select((c, i) => beta * (c - referenceChosen[i])).ToArray();
        var rejectedRewards = rejected.Select((r, i) => beta * (r - referenceRejected[i])).ToArray();
        return new RankingReport(pairs.Count,
            RankingAccuracy.Observed(chosen, rejected),
            RankingAccuracy.Observed(referenceChosen, referenceRejected),
            RankingAccuracy.Idealised(referenceChosen, referenceRejected, preferences, beta),
            preferences.Count(p => p is not null),
            PairwiseAccuracy.Compute(chosenRewards, rejectedRewards).Accuracy,
            chosenRewards.Zip(rejectedRewards, (c, r) => c - r).Average(),
            beta);
    }
}
