using PrefSharp.Torch.Rewards.Shaping;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Rewards.Sources;

public sealed partial class CompositeRewardSource
{
    /// <summary>Every term's rewards of the M reference responses to each row's prompt: (N, M, K).</summary>
    private Tensor References(IReadOnlyList<CompletionGroup> groups)
    {
        var size = groups[0].Completions.Count;
        var referenceGroups = groups.Select(g => new CompletionGroup(g.Prompt, referenceResponses!(g.Prompt))).ToList();
        var count = referenceGroups[0].Completions.Count;
        if (count == 0 || referenceGroups.Any(g => g.Completions.Count != count))
            throw new InvalidOperationException($"every prompt needs the same number (≥ 1) of reference responses, found {string.Join(", ", referenceGroups.Select(g => g.Completions.Count))}");
        var perTerm = terms.Select(t => tensor(t.Score(referenceGroups).Rewards).view(groups.Count, count)).ToArray();   // K × (B, M)
        return stack(perTerm, 2).repeat_interleave(size, 0);                                                           // (N, M, K)
    }

    /// <summary>PAR on every term: (N, K) with references (N, M, K) → (N, K).</summary>
    private static Tensor Par(Tensor raw, Tensor references) =>
        stack(Enumerable.Range(0, (int)raw.shape[1]).Select(k => PreferenceAsReward.Compute(raw[.., k], references[.., .., k])).ToArray(), 1);

    private void Validate()
    {
        if (terms.Count == 0) throw new ArgumentException("a composite reward needs at least one term", nameof(terms));
        if (options.Weights is { } w && (w.Count != terms.Count || w.Any(x => !double.IsFinite(x))))
            throw new ArgumentException($"need {terms.Count} finite weights, found [{string.Join(", ", w)}]", nameof(options));
        if (!Enum.IsDefined(options.Aggregation)) throw new ArgumentException($"unknown aggregation {options.Aggregation}", nameof(options));
        var transformed = options.PreferenceAsReward || options.Aggregation == RewardAggregationKind.LogSigmoid;
        if (options.PreferenceAsReward && options.Aggregation == RewardAggregationKind.LogSigmoid)
            throw new ArgumentException("PAR and the log-sigmoid transform both transform the centred reward; choose one", nameof(options));
        if (transformed && referenceResponses is null)
            throw new ArgumentException("PAR and the log-sigmoid transform need reference responses for their reference rewards", nameof(referenceResponses));
        if (transformed && terms.FirstOrDefault(t => t.IsPairwise) is { } pairwise)
            throw new ArgumentException($"PAR and the log-sigmoid transform need pointwise rewards; {pairwise.Name} is a win rate", nameof(terms));
        foreach (var c in options.Constraints)
        {
            if (c.Term < 0 || c.Term >= terms.Count) throw new ArgumentException($"constraint on term {c.Term + 1}, but there are {terms.Count} terms", nameof(options));
            if (terms[c.Term].IsPairwise) throw new ArgumentException($"a win rate averages ½ in every group; constrain a pointwise reward, not {terms[c.Term].Name}", nameof(options));
            if (!double.IsFinite(c.Threshold)) throw new ArgumentException($"constraint threshold must be finite, found {c.Threshold}", nameof(options));
        }
        if (options.Constraints.Select(c => c.Term).Distinct().Count() != options.Constraints.Count)
            throw new ArgumentException("at most one constraint per term", nameof(options));
    }
}
