using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Models;
using static TorchSharp.torch;

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
        if (batchSize < 1) throw new ArgumentException($"batchSize must be ≥ 1, found {batchSize}", nameof(batchSize));
        using var noGrad = no_grad();
        var scores = new List<double>(pairs.Count);
        for (var start = 0; start < pairs.Count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            using var batch = TokenizedPair.Collate([.. pairs.Skip(start).Take(batchSize)], padId);
            scores.AddRange(ChesScore.Compute(PairForward.Compute(model, batch), lengthNormalised).data<double>().ToArray());
        }
        return [.. scores];
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
