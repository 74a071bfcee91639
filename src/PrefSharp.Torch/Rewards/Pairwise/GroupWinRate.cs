using static TorchSharp.torch;

namespace PrefSharp.Torch.Rewards.Pairwise;

/// <summary>
/// Pairwise rewards as win rates inside a prompt's group: w_i = (1/(G − 1)) Σ_{j≠i} P(y_i ≻ y_j), with P = 1 for a
/// win, 0.5 for a tie, 0 for a loss, or a model's probability. Pref-GRPO (Wang et al. 2025, "Pref-GRPO: Pairwise
/// Preference Reward-based GRPO for Stable Text-to-Image RL", method section) uses it as the reward that GRPO then normalises; SPO (Swamy et al. 2024,
/// "A Minimaximalist Approach to RLHF", Alg. 1) uses the self-play win rate against the policy's own samples.
/// </summary>
/// <remarks>
/// The win rate is always over the whole group of one prompt: all G(G − 1)/2 pairs are compared and each comparison
/// counts for both sides, P(j ≻ i) = 1 − P(i ≻ j). A cyclic group (a ≻ b ≻ c ≻ a) gives everyone ½.
/// Preferences are laid out (B, G, G) with P[b, i, j] = P(y_i ≻ y_j); the diagonal is ignored.
/// </remarks>
public static class GroupWinRate
{
    /// <summary>preferences (B, G, G) → win rates (B, G).</summary>
    public static Tensor Compute(Tensor preferences)
    {
        if (preferences.dim() != 3 || preferences.shape[1] != preferences.shape[2] || preferences.shape[1] < 2)
            throw new ArgumentException($"preferences must be (B, G, G) with G ≥ 2, found [{string.Join(", ", preferences.shape)}]", nameof(preferences));
        using var scope = NewDisposeScope();
        var groupSize = preferences.shape[1];
        var offDiagonal = ones(groupSize, groupSize, preferences.dtype, preferences.device) - eye(groupSize, dtype: preferences.dtype, device: preferences.device);
        return ((preferences * offDiagonal).sum(2) / (groupSize - 1)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The (B, G, G) matrix of comparisons: every group must compare each unordered pair exactly once (in either order),
    /// with FirstWins in [0, 1]; the other orientation is filled with 1 − FirstWins.
    /// </summary>
    public static Tensor Matrix(IReadOnlyList<IReadOnlyList<PairComparison>> groups, int groupSize)
    {
        if (groupSize < 2) throw new ArgumentException($"group size must be ≥ 2, found {groupSize}", nameof(groupSize));
        if (groups.Count == 0) throw new ArgumentException("no groups", nameof(groups));
        var matrix = new double[groups.Count, groupSize, groupSize];
        for (var b = 0; b < groups.Count; b++)
        {
            var seen = new bool[groupSize, groupSize];
            foreach (var c in groups[b])
            {
                if (c.First < 0 || c.First >= groupSize || c.Second < 0 || c.Second >= groupSize || c.First == c.Second)
                    throw new ArgumentException($"group {b}: pair ({c.First}, {c.Second}) must be two different indices in [0, {groupSize})", nameof(groups));
                if (!(c.FirstWins >= 0 && c.FirstWins <= 1))
                    throw new ArgumentException($"group {b}: FirstWins of ({c.First}, {c.Second}) must be in [0, 1], found {c.FirstWins}", nameof(groups));
                if (seen[c.First, c.Second]) throw new ArgumentException($"group {b}: pair ({c.First}, {c.Second}) compared twice", nameof(groups));
                seen[c.First, c.Second] = seen[c.Second, c.First] = true;
                matrix[b, c.First, c.Second] = c.FirstWins;
                matrix[b, c.Second, c.First] = 1 - c.FirstWins;
            }
            var expected = groupSize * (groupSize - 1) / 2;
            if (groups[b].Count != expected)
                throw new ArgumentException($"group {b}: {groups[b].Count} comparisons, a win rate over the whole group needs all {expected} pairs", nameof(groups));
        }
        return tensor(matrix);
    }

    /// <summary>All G(G − 1)/2 index pairs (i &lt; j) of a group, in the order a judge adapter asks them.</summary>
    public static IReadOnlyList<(int First, int Second)> AllPairs(int groupSize)
    {
        var pairs = new List<(int, int)>(groupSize * (groupSize - 1) / 2);
        for (var i = 0; i < groupSize; i++)
            for (var j = i + 1; j < groupSize; j++) pairs.Add((i, j));
        return pairs;
    }
}
