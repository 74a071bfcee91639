using PrefSharp.Torch.Batches;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Rewards.Pairwise;

/// <summary>
/// A reward model's within-prompt win rates for prompts with any number of completions: for each completion y_i of a
/// prompt, w_i = (1/(G − 1)) Σ_{j≠i} P(y_i ≻ y_j) over the other G − 1 completions of that prompt, with P the model's own
/// preference (<see cref="PreferenceLogits.Groups"/>: the GPM's σ(⟨R(x) v_i, v_j⟩ / β), Zhang et al. 2024, Eq. 4–5, or
/// σ(r_i − r_j) for a scalar head) and the average of <see cref="GroupWinRate.Compute"/>, the reward of Pref-GRPO's
/// pairwise source. Groups of the same size share forward batches; a GPM's gate reads each group's first completion.
/// </summary>
public static class PromptWinRates
{
    /// <summary>Win rates per group, in the order of <paramref name="groups"/>[b]; every group needs ≥ 2 completions.</summary>
    public static double[][] Compute(RewardModel model, IReadOnlyList<IReadOnlyList<TokenizedSequence>> groups, int batchSize = 16)
    {
        for (var b = 0; b < groups.Count; b++)
            if (groups[b].Count < 2)
                throw new ArgumentException($"prompt {b} has {groups[b].Count} completion(s): a win rate compares a completion with the other completions "
                    + "of the same prompt, so every prompt needs at least 2", nameof(groups));
        var rates = new double[groups.Count][];
        foreach (var sameSize in Enumerable.Range(0, groups.Count).GroupBy(b => groups[b].Count))
        {
            var indices = sameSize.ToList();
            using var scope = NewDisposeScope();
            var preferences = PreferenceLogits.Groups(model, indices.Select(b => groups[b]).ToList(), batchSize);   // (B, G, G)
            var flat = GroupWinRate.Compute(preferences).data<double>().ToArray();                                    // (B·G)
            for (var k = 0; k < indices.Count; k++) rates[indices[k]] = flat.AsSpan(k * sameSize.Key, sameSize.Key).ToArray();
        }
        return rates;
    }
}
