using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Models;

namespace PrefSharp.Torch.Training.Dpo;

/// <summary>
/// The data filter of Razin et al. 2025 ("Unintentional Unalignment", §6): score every training pair with
/// <see cref="ChesScore"/> under the model before training and drop the pairs with the highest scores, those most
/// likely to cause likelihood displacement.
/// </summary>
public static class ChesFilter
{
    /// <summary>The CHES score of every pair under <paramref name="model"/>, in order (forwards without gradient).</summary>
    public static double[] Scores(ICausalLM model, IReadOnlyList<TokenizedPair> pairs, int padId, int batchSize, bool lengthNormalised)
    {
        var columns = PairColumns.Compute(model, pairs, padId, batchSize, forward => [ChesScore.Compute(forward, lengthNormalised)]);
        return columns.Length == 0 ? [] : columns[0];
    }

    /// <summary>
    /// <paramref name="pairs"/> in their order without the ⌊<paramref name="fraction"/>·n⌋ of highest score (ties broken
    /// by position, earlier kept); <paramref name="fraction"/> in [0, 1).
    /// </summary>
    public static IReadOnlyList<T> Drop<T>(IReadOnlyList<T> pairs, IReadOnlyList<double> scores, double fraction)
    {
        if (scores.Count != pairs.Count) throw new ArgumentException($"{scores.Count} scores for {pairs.Count} pairs", nameof(scores));
        if (fraction is < 0 or >= 1 || double.IsNaN(fraction)) throw new ArgumentException($"the fraction dropped must be in [0, 1), found {fraction}", nameof(fraction));
        var count = (int)Math.Floor(fraction * pairs.Count);
        var dropped = Enumerable.Range(0, pairs.Count).OrderByDescending(i => scores[i]).ThenByDescending(i => i).Take(count).ToHashSet();
        return [.. pairs.Where((_, i) => !dropped.Contains(i))];
    }
}
