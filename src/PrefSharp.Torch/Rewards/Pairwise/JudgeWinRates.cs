using PrefSharp.Core.Judging;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Rewards.Pairwise;

/// <summary>
/// The judge adapter of <see cref="GroupWinRate"/>: asks an <see cref="IPairwiseJudge"/> (typically a
/// <see cref="PositionSwapJudge"/> over a <see cref="CachingJudge"/>) about all G(G − 1)/2 pairs of each prompt's
/// group, builds the (B, G, G) preference matrix and returns the win rates (B, G).
/// </summary>
public static class JudgeWinRates
{
    /// <summary>Win rates (B, G) float64 of <paramref name="completions"/>[b][g] answering <paramref name="prompts"/>[b].</summary>
    public static async Task<Tensor> ComputeAsync(IPairwiseJudge judge, IReadOnlyList<string> prompts,
        IReadOnlyList<IReadOnlyList<string>> completions, CancellationToken cancellation = default)
    {
        if (prompts.Count == 0 || prompts.Count != completions.Count)
            throw new ArgumentException($"need one group of completions per prompt, found {prompts.Count} prompts and {completions.Count} groups", nameof(completions));
        var groupSize = completions[0].Count;
        if (groupSize < 2 || completions.Any(g => g.Count != groupSize))
            throw new ArgumentException($"every group needs the same size G ≥ 2, found [{string.Join(", ", completions.Select(g => g.Count))}]", nameof(completions));
        var groups = new List<IReadOnlyList<PairComparison>>(prompts.Count);
        for (var b = 0; b < prompts.Count; b++)
        {
            var comparisons = new List<PairComparison>();
            foreach (var (i, j) in GroupWinRate.AllPairs(groupSize))
            {
                var judgement = await judge.CompareAsync(prompts[b], completions[b][i], completions[b][j], cancellation).ConfigureAwait(false);
                comparisons.Add(new PairComparison(i, j, judgement.FirstWins));
            }
            groups.Add(comparisons);
        }
        using var matrix = GroupWinRate.Matrix(groups, groupSize);
        return GroupWinRate.Compute(matrix);
    }
}
